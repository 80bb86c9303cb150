using System.Globalization;

namespace Esf.Bench;

/// <summary>A paced run: the rate asked for, what it was as a share of the unpaced run's registered/s, and what it measured.</summary>
public sealed record PacedRun(double Rate, double OfMaximum, LoadResult Load, double OtherCpuSeconds, bool Disturbed);

/// <summary>The figures of the second results table: export, the change feed's lag under the load, latency at a paced rate.</summary>
public sealed record ExtrasResult(ExportResult? Export, FeedLag? Feed, bool FeedDisturbed, PacedRun? Paced);

/// <summary>Prints the extras and appends their row to BENCHMARKS.md's second table (above its own marker line).</summary>
public static class ExtrasReport
{
    public const string RowsMarker = "<!-- bench/run.sh adds its export / feed / paced rows above this line -->";

    public static void Print(ExtrasResult r)
    {
        if (r.Feed is { } feed)
        {
            Console.WriteLine($"Change feed : {feed.Events} CREATED events read during the load; lag (read − changedAt) p50 {feed.P50:0.00} s, p99 {feed.P99:0.00} s, max {feed.Max:0.00} s (polling every {FeedFollower.IdlePoll.TotalMilliseconds:0} ms when idle)");
        }

        if (r.Paced is { } paced)
        {
            var load = paced.Load;
            Console.WriteLine($"Paced run   : {load.Accepted} invoices at {paced.Rate:0}/s ({(double.IsNaN(paced.OfMaximum) ? "--rate" : $"{paced.OfMaximum:P0} of the maximum")}) → {load.RegisteredPerSecond:0} registered/s; upload→CREATED p50 {load.P50:0.00} s, p95 {load.P95:0.00} s, p99 {load.P99:0.00} s{(paced.Disturbed ? $" — DISTURBED (other processes {paced.OtherCpuSeconds:0.0} CPU s)" : "")}");
        }

        if (r.Export is { } export)
        {
            Console.WriteLine($"""
                Export      : {export.Invoices} invoices ({export.BodyKb:0.0} KB bodies, generated in SQL in {export.GenerateSeconds:0} s) as {export.Format}: {export.Bytes / 1_048_576.0:0} MiB in {export.Seconds:0.0} s → {export.InvoicesPerSecond:0} invoices/s, {export.MegabytesPerSecond:0.0} MiB/s
                              gateway RSS {export.RssBeforeMb:0} MB before, {export.RssAtTenthMb:0} MB after a tenth, {export.RssPeakMb:0} MB peak, {export.RssAfterMb:0} MB at the end{(export.Disturbed ? $" — DISTURBED (other processes {export.OtherCpuSeconds:0.0} CPU s)" : "")}
                              CPU µs per invoice: gateway {export.Micros(export.Cpu.Gateway):0.0}, PostgreSQL {export.Micros(export.Cpu.Postgres):0.0}, bench reader {export.Micros(export.Cpu.Reader):0.0} (wall clock {export.Micros(export.Seconds):0.0})
                """);
        }
    }

    public static void Append(ExtrasResult r, Options options, string root)
    {
        var (export, feed, paced) = (r.Export, r.Feed, r.Paced);
        var row = string.Join(" | ",
            DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Report.Commit(root), Report.Machine(),
            export is null ? "–" : $"{N(export.Invoices)} {export.Format}, {export.BodyKb:0.0} KB",
            export is null ? "–" : N(export.InvoicesPerSecond),
            export is null ? "–" : $"{export.MegabytesPerSecond:0.0}",
            export is null ? "–" : $"{export.RssBeforeMb:0} / {export.RssAtTenthMb:0} / {export.RssPeakMb:0} / {export.RssAfterMb:0}",
            feed is null ? "–" : $"{F(feed.P50)} / {F(feed.P99)} ({N(feed.Events)} events, load of {N(options.Invoices)})",
            paced is null ? "–" : double.IsNaN(paced.OfMaximum) ? $"{N(paced.Rate)} (--rate)" : $"{N(paced.Rate)} ({paced.OfMaximum:P0})",
            paced is null ? "–" : $"{F(paced.Load.P50)} / {F(paced.Load.P95)} / {F(paced.Load.P99)}",
            string.Join("; ", new[]
            {
                paced is null ? null : $"paced run {N(paced.Load.Accepted)} invoices, {N(paced.Load.RegisteredPerSecond)} registered/s",
                export is null ? null : $"export generated in {export.GenerateSeconds:0} s",
                export is null ? null : $"export CPU µs per invoice: gateway {export.Micros(export.Cpu.Gateway):0.0}, PostgreSQL {export.Micros(export.Cpu.Postgres):0.0}, reader {export.Micros(export.Cpu.Reader):0.0}",
                r.FeedDisturbed ? "load/feed window disturbed" : null,
                paced is { Disturbed: true } ? $"paced run disturbed: other processes used {paced.OtherCpuSeconds:0.0} CPU s" : null,
                export is { Disturbed: true } ? $"export disturbed: other processes used {export.OtherCpuSeconds:0.0} CPU s" : null,
            }.OfType<string>()));
        var path = Path.Combine(root, "BENCHMARKS.md");
        var lines = File.ReadAllLines(path).ToList();
        var at = lines.FindIndex(l => l.Trim() == RowsMarker);
        if (at < 0)
        {
            lines.AddRange(["", "## Export, change feed and paced latency", "", Header(), RowsMarker]);
            at = lines.Count - 1;
        }

        lines.Insert(at, $"| {row} |");
        File.WriteAllLines(path, lines);
        Console.WriteLine($"Export / feed / paced row added to {path}");
    }

    public static string Header() =>
        "| Date (UTC) | Commit | Machine | Export invoices | Export invoices/s | Export MiB/s | Gateway RSS MB before / at 10% / peak / end | Feed lag p50 / p99 s | Paced rate/s (of max) | Paced p50 / p95 / p99 s | Notes |\n"
        + "|---|---|---|---|---:|---:|---|---|---:|---|---|";

    private static string N(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
