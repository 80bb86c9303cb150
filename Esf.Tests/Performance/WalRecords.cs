using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Esf.Infrastructure.Persistence;
using Npgsql;

namespace Esf.Tests.Performance;

/// <summary>
/// What PostgreSQL wrote to its WAL between two positions, read back with <c>pg_waldump</c> from the cluster's own <c>pg_wal</c>
/// (the test's private cluster; root or the cluster's owner can read it) and summed per relation and record kind: heap inserts,
/// updates (HOT or not), index entries (btree INSERT_LEAF/INSERT_UPPER/SPLIT per index), TOAST rows, commits, and the full-page
/// images among them. Unlike times, these counts do not depend on other load on the machine.
/// </summary>
internal sealed partial class WalRecords
{
    private WalRecords(IReadOnlyList<Row> rows, long bytes) => (Rows, Bytes) = (rows, bytes);

    /// <param name="Relation">The relation the record's first block belongs to (a TOAST table as "toast of …"), or "-" for none.</param>
    /// <param name="Kind">The resource manager and record, e.g. <c>Heap/INSERT</c>, <c>Btree/INSERT_LEAF</c>, <c>Heap/HOT_UPDATE</c>.</param>
    /// <param name="Count">How many such records.</param>
    /// <param name="Bytes">Their total length, full-page images included.</param>
    /// <param name="FullPages">Full-page images they carried.</param>
    /// <param name="FullPageBytes">What those records carried beyond their own data: the images (compressed with <c>wal_compression</c>).</param>
    public sealed record Row(string Relation, string Kind, long Count, long Bytes, long FullPages, long FullPageBytes);

    public IReadOnlyList<Row> Rows { get; }

    /// <summary>The WAL between the two positions, as the server counts it (every record, of any database).</summary>
    public long Bytes { get; }

    public static async Task<string> PositionAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT pg_current_wal_insert_lsn()::text", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The records from <paramref name="start"/> to now; waits for nothing: a committed transaction's WAL is already flushed.</summary>
    public static async Task<WalRecords> SinceAsync(NpgsqlConnection connection, string start)
    {
        await using var command = new NpgsqlCommand("""
            SELECT pg_current_wal_flush_lsn()::text, current_setting('data_directory'), pg_current_wal_flush_lsn() - @Start::pg_lsn
            """, connection);
        command.Parameters.AddWithValue("Start", start);
        string end, data;
        long bytes;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (end, data, bytes) = (reader.GetString(0), reader.GetString(1), (long)reader.GetDecimal(2));
        }

        var names = await RelationNamesAsync(connection);
        var totals = new Dictionary<(string, string), (long Count, long Bytes, long FullPages, long FullPageBytes)>();
        foreach (var line in await DumpAsync(Path.Combine(data, "pg_wal"), start, end))
        {
            if (Record().Match(line) is not { Success: true } record)
            {
                continue;
            }

            var kind = record.Groups["rmgr"].Value + "/" + record.Groups["desc"].Value;
            var block = Block().Match(line);
            var relation = block.Success
                ? names.GetValueOrDefault(uint.Parse(block.Groups["node"].Value, CultureInfo.InvariantCulture), "other database or catalog")
                : "-";
            var key = (relation, kind);
            var (count, total, full, fullBytes) = totals.GetValueOrDefault(key);
            var (length, own, images) = (long.Parse(record.Groups["total"].Value, CultureInfo.InvariantCulture),
                long.Parse(record.Groups["own"].Value, CultureInfo.InvariantCulture), FullPage().Matches(line).Count);
            totals[key] = (count + 1, total + length, full + images, fullBytes + (images > 0 ? length - own : 0));
        }

        return new WalRecords(
            [.. totals.Select(t => new Row(t.Key.Item1, t.Key.Item2, t.Value.Count, t.Value.Bytes, t.Value.FullPages, t.Value.FullPageBytes)).OrderByDescending(r => r.Bytes)], bytes);
    }

    /// <summary>Rows of <paramref name="kind"/> (e.g. <c>Btree/INSERT_LEAF</c>) on <paramref name="relation"/>.</summary>
    public long Count(string relation, string kind) => Rows.Where(r => r.Relation == relation && r.Kind == kind).Sum(r => r.Count);

    /// <summary>Index entries written per index (btree leaf inserts; a page split carries its new entry too).</summary>
    public IEnumerable<(string Index, long Entries)> IndexEntries() =>
        Rows.Where(r => r.Kind is "Btree/INSERT_LEAF" or "Btree/INSERT_POST" or "Btree/SPLIT_L" or "Btree/SPLIT_R")
            .GroupBy(r => r.Relation).Select(g => (g.Key, g.Sum(r => r.Count))).OrderBy(e => e.Key, StringComparer.Ordinal);

    public void Print(TextWriter output, string title, double invoices)
    {
        var images = Rows.Sum(r => r.FullPages);
        output.WriteLine($"{title}: {Bytes / invoices:F0} WAL bytes per invoice, of which full-page images {images / invoices:F2} per invoice"
            + (images > 0 ? $", {Rows.Sum(r => r.FullPageBytes) / (double)images:F0} bytes each" : ""));
        foreach (var row in Rows.Where(r => r.Bytes / invoices >= 1))
        {
            output.WriteLine($"    {row.Relation,-48} {row.Kind,-24} {row.Count / invoices,7:F2} records {row.Bytes / invoices,7:F0} bytes"
                + (row.FullPages > 0 ? $" ({row.FullPages / invoices:F2} full pages)" : ""));
        }
    }

    private static async Task<Dictionary<uint, string>> RelationNamesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.relfilenode::bigint, coalesce('toast of ' || t.relname, 'toast index of ' || ti.relname, c.relname)
            FROM pg_class c
            LEFT JOIN pg_class t ON t.reltoastrelid = c.oid
            LEFT JOIN pg_index x ON x.indexrelid = c.oid
            LEFT JOIN pg_class ti ON ti.reltoastrelid = x.indrelid
            WHERE c.relfilenode <> 0 AND c.relnamespace IN ('public'::regnamespace, 'pg_toast'::regnamespace)
            """, connection);
        var names = new Dictionary<uint, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names[(uint)reader.GetInt64(0)] = reader.GetString(1);
        }

        return names;
    }

    private static async Task<string[]> DumpAsync(string walFolder, string start, string end)
    {
        var start_info = new ProcessStartInfo(Path.Combine(PostgresBinaries.FindBinDirectory(), "pg_waldump"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "--path", walFolder, "--start", start, "--end", end },
        };
        using var process = Process.Start(start_info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && (await output).Length == 0)
        {
            throw new InvalidOperationException($"pg_waldump failed: {await error}");
        }

        return (await output).Split('\n');
    }

    [GeneratedRegex(@"^rmgr: (?<rmgr>\S+)\s+len \(rec/tot\):\s+(?<own>\d+)/\s*(?<total>\d+),.*?desc: (?<desc>[A-Z_+]+)")]
    private static partial Regex Record();

    [GeneratedRegex(@"blkref #0: rel \d+/\d+/(?<node>\d+)")]
    private static partial Regex Block();

    [GeneratedRegex(@"\bFPW\b")]
    private static partial Regex FullPage();
}
