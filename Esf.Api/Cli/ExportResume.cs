using System.Text;
using System.Text.Json;

namespace Esf.Api.Cli;

/// <summary>
/// Resuming an export file: cut a partly written last line, then read the cursor of the last complete one (JSON Lines: its
/// "cursor" member). A CSV invoice spans several rows, so its last invoice may be incomplete: those rows are cut too and the
/// export resumes after the invoice before it. An XML container is continued by <see cref="ContainerResume"/>.
/// </summary>
public static class ExportResume
{
    public static string? Prepare(string file, string format)
    {
        if (format == "xml")
        {
            return ContainerResume.Prepare(file);
        }

        if (format is not ("jsonl" or "csv"))
        {
            throw new CliException($"--resume works with --format xml, jsonl or csv, not «{format}».", CliException.Usage);
        }

        TruncateAfterLastNewLine(file);
        if (format == "jsonl")
        {
            var last = File.ReadLines(file).LastOrDefault(l => l.Length > 0);
            return last is null ? null : JsonDocument.Parse(last).RootElement.GetProperty("cursor").GetString();
        }

        return CutLastCsvInvoice(file);
    }

    /// <summary>Cuts the rows of the last invoice (they share its cursor) and answers the cursor of the invoice before it.</summary>
    private static string? CutLastCsvInvoice(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var lines = Encoding.UTF8.GetString(bytes).Split("\r\n");
        var rows = lines.Take(lines.Length - 1).ToList();
        static string CursorOf(string row) => row[(row.LastIndexOf(',') + 1)..];
        if (rows.Count <= 1)
        {
            return null;
        }

        var lastCursor = CursorOf(rows[^1]);
        var keep = rows.Count;
        while (keep > 1 && CursorOf(rows[keep - 1]) == lastCursor)
        {
            keep--;
        }

        var kept = string.Concat(rows.Take(keep).Select(r => r + "\r\n"));
        File.WriteAllText(file, kept.TrimStart('\uFEFF'), new UTF8Encoding(true));
        return keep > 1 ? CursorOf(rows[keep - 1]) : null;
    }

    /// <summary>Skips the CSV header of the continued response (the file has one already).</summary>
    public static async Task SkipLineAsync(Stream input, CancellationToken ct)
    {
        var one = new byte[1];
        while (await input.ReadAsync(one, ct) == 1 && one[0] != (byte)'\n')
        {
        }
    }

    private static void TruncateAfterLastNewLine(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
        var position = stream.Length;
        var one = new byte[1];
        while (position > 0)
        {
            stream.Position = position - 1;
            stream.ReadExactly(one);
            if (one[0] == (byte)'\n')
            {
                break;
            }

            position--;
        }

        stream.SetLength(position);
    }
}
