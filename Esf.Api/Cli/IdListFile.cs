using System.Globalization;
using Esf.Infrastructure.Invoices;

namespace Esf.Api.Cli;

/// <summary>An id list to sign: one line per invoice, <c>id|reason</c> or <c>id</c>; blank lines are skipped.</summary>
public static class IdListFile
{
    public static IReadOnlyList<StatusChangeItem> Read(string path)
    {
        var lines = File.Exists(path) ? File.ReadAllLines(path) : throw new CliException($"Id list not found: {path}");
        var items = new List<StatusChangeItem>();
        foreach (var (line, number) in lines.Select((l, i) => (l.TrimEnd('\r'), i + 1)).Where(l => l.Item1.Trim().Length > 0))
        {
            var parts = line.Split('|', 2);
            if (!long.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw new CliException($"{path}:{number}: '{parts[0]}' is not an invoice id; write 'id|reason' or 'id'.", CliException.Usage);
            }

            items.Add(new StatusChangeItem(id, parts.Length > 1 ? parts[1] : null));
        }

        return items.Count > 0 ? items : throw new CliException($"{path} lists no invoice ids.", CliException.Usage);
    }
}
