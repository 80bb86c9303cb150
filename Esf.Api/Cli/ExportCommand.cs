using System.Text;
using Esf.Domain.Calendar;

namespace Esf.Api.Cli;

/// <summary>
/// <c>esf export</c>: streams GET /api/v1/exports into a file with a progress line on stderr. With --resume, a JSON Lines or
/// CSV file cut short is continued from the cursor on its last complete line, an XML container from its last cursor comment.
/// </summary>
public static class ExportCommand
{
    private static readonly string Help = $"""
        Usage: esf export --from <date> --to <date> --file <out> [--format xml|jsonl|csv] [--direction INBOUND|OUTBOUND]
                          [--status <STATUS,…>] [--sort <field>] [--asc] [--resume] {AccountOptions.Help}

        Writes the invoices of a period (at most one quarter, not after today) as an esf:invoiceContainer (xml, the default),
        JSON Lines or CSV with one row per product line. A date is dd.MM.yyyy (ESF, day first) or yyyy-MM-dd (ISO). --resume continues a file (any format) after its last complete invoice.
        """;

    public static Task<int> RunAsync(string[] args) => RunAsync(args, CliEnvironment.Console);

    public static Task<int> RunAsync(string[] args, CliEnvironment environment) =>
        CliRunner.RunAsync(environment, Help, () => ExportAsync(CommandLine.Parse(args, AccountOptions.With(
            ("from", OptionKind.Value), ("to", OptionKind.Value), ("file", OptionKind.Value), ("format", OptionKind.Value),
            ("direction", OptionKind.Value), ("status", OptionKind.Value), ("sort", OptionKind.Value), ("asc", OptionKind.Flag),
            ("resume", OptionKind.Flag))), environment));

    private static async Task<int> ExportAsync(CommandLine line, CliEnvironment environment)
    {
        if (line.WantsHelp)
        {
            await environment.Out.WriteLineAsync(Help);
            return 0;
        }

        var format = (line.Get("format") ?? "xml").ToLowerInvariant();
        var file = environment.Resolve(line.Get("file") ?? throw new CliException("--file is required.", CliException.Usage));
        var cursor = line.Has("resume") && File.Exists(file) ? ExportResume.Prepare(file, format) : null;
        var query = new StringBuilder($"exports?format={Uri.EscapeDataString(format)}");
        foreach (var (option, parameter) in new[] { ("from", "dateFrom"), ("to", "dateTo"), ("direction", "direction"), ("status", "status"), ("sort", "sort") })
        {
            if (line.Get(option) is { } value)
            {
                if (option is "from" or "to" && !DayFormats.TryParse(value, out _))
                {
                    throw new CliException(DayFormats.Refusal($"--{option}", value), CliException.Usage);
                }

                query.Append($"&{parameter}={Uri.EscapeDataString(value)}");
            }
        }

        query.Append(line.Has("asc") ? "&asc=true" : "").Append(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
        var ct = CancellationToken.None;
        using var gateway = await AccountOptions.LogInAsync(line, environment, ct);
        try
        {
            using var response = await gateway.OpenStreamAsync("Export", query.ToString(), ct);
            await using var input = await response.Content.ReadAsStreamAsync(ct);
            await using var output = new FileStream(file, cursor is null ? FileMode.Create : FileMode.Append);
            if (cursor is not null && format == "csv")
            {
                await ExportResume.SkipLineAsync(input, ct);
            }
            else if (cursor is not null && format == "xml")
            {
                await ContainerResume.SkipContainerStartAsync(input, output, ct);
            }

            var written = await CopyWithProgressAsync(input, output, environment.Error, ct);
            await environment.Error.WriteLineAsync($"\rExported {written / 1_048_576.0:F1} MiB to {file}{(cursor is null ? "" : " (resumed)")}");
            return 0;
        }
        finally
        {
            await gateway.LogOutAsync();
        }
    }

    private static async Task<long> CopyWithProgressAsync(Stream input, Stream output, TextWriter progress, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0, reported = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, ct)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
            total += read;
            if (total - reported >= 1_048_576)
            {
                reported = total;
                await progress.WriteAsync($"\r{total / 1_048_576.0:F0} MiB…");
            }
        }

        return total;
    }
}
