using System.Globalization;
using System.Text;

namespace Esf.Bench;

/// <summary>CPU seconds (during the measured window) and peak RSS of one process.</summary>
public sealed record ProcessUsage(double CpuSeconds, double PeakRssMb);

/// <summary>Everything one bench run measured.</summary>
public sealed record BenchResult(
    Options Options, LoadResult Load, ProcessUsage Gateway, ProcessUsage Worker, double PostgresCpuSeconds, double RabbitCpuSeconds,
    double MachineBusySeconds, double BenchCpuSeconds, LimitResult Limit)
{
    public double Ratio => Load.RegisteredPerSecond / Limit.InvoicesPerSecond;

    /// <summary>CPU seconds of processes the bench did not start, during the window: other work disturbing the run.</summary>
    public double OtherCpuSeconds => MachineBusySeconds - Gateway.CpuSeconds - Worker.CpuSeconds - PostgresCpuSeconds - BenchCpuSeconds - RabbitCpuSeconds;

    /// <summary>Whether other work took more than a tenth of the machine during the window.</summary>
    public bool Disturbed => OtherCpuSeconds > 0.1 * (Load.LastCreated - Load.Start).TotalSeconds * Environment.ProcessorCount;
}

/// <summary>Prints a run's figures and appends its row to BENCHMARKS.md (before the marker line that ends the table).</summary>
public static class Report
{
    public const string RowsMarker = "<!-- bench/run.sh adds its rows above this line -->";

    public static void Print(BenchResult r)
    {
        var (load, limit) = (r.Load, r.Limit);
        var window = (load.LastCreated - load.Start).TotalSeconds;
        var others = r.OtherCpuSeconds;
        Console.WriteLine($"""

            ==== Esf Gateway benchmark ({Machine()}) ====
            Load        : {r.Options.Invoices} invoices, batch {r.Options.Batch}, {r.Options.Senders} senders, {load.Uploads} uploads over {Protocols(load)}
            Uploads     : {load.Accepted} accepted, {load.Declined} declined in {(load.UploadsDone - load.Start).TotalSeconds:0.00} s → {load.AcceptedPerSecond:0} accepted/s
            {string.Join("\n", load.Protocols.Select(p => $"  {p.Protocol,-10}: {p.Senders} senders, {p.Uploads} uploads, {p.Accepted} accepted, {p.Declined} declined in {p.Seconds:0.00} s → {p.AcceptedPerSecond:0} accepted/s"))}
            Registration: {load.Created} CREATED, {load.Failed} FAILED; last CREATED {window:0.00} s after the first upload → {load.RegisteredPerSecond:0} registered/s
            Latency     : upload→CREATED p50 {load.P50:0.00} s, p95 {load.P95:0.00} s, p99 {load.P99:0.00} s
            CPU (window of {window:0.0} s, {Environment.ProcessorCount} cores = {window * Environment.ProcessorCount:0.0} core-s):
              gateway {r.Gateway.CpuSeconds:0.0} s (peak RSS {r.Gateway.PeakRssMb:0} MB), worker {r.Worker.CpuSeconds:0.0} s (peak RSS {r.Worker.PeakRssMb:0} MB),
              PostgreSQL {r.PostgresCpuSeconds:0.0} s, RabbitMQ {r.RabbitCpuSeconds:0.0} s, bench client {r.BenchCpuSeconds:0.0} s,
              everything else (other processes on the machine) {others:0.0} s{(r.Disturbed ? " — DISTURBED RUN" : "")}; machine busy {r.MachineBusySeconds:0.0} s
              per invoice: gateway {Micros(r.Gateway.CpuSeconds, load.Accepted)} µs, worker {Micros(r.Worker.CpuSeconds, load.Accepted)} µs, PostgreSQL {Micros(r.PostgresCpuSeconds, load.Accepted)} µs
            In-process  : parse+XSD {limit.ParseMicros:0} µs, certificate parse {limit.CertificateMicros:0} µs, verify {limit.VerifyMicros:0} µs, COPY {limit.CopyMicros:0} µs per invoice (1 core)
                          (XmlReader without XSD {limit.XmlOnlyMicros:0} µs; RSA check with the key extracted once {limit.RsaOnlyMicros:0} µs)
                          all together on {Environment.ProcessorCount} cores: {limit.InvoicesPerSecond:0} invoices/s ({limit.Invoices} invoices)
            Ratio       : pipeline {load.RegisteredPerSecond:0}/s ÷ limit {limit.InvoicesPerSecond:0}/s = {r.Ratio:0.00}
            """);
    }

    public static void Append(BenchResult r, string root)
    {
        var (load, limit) = (r.Load, r.Limit);
        var row = string.Join(" | ",
            DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Commit(root), Machine(),
            N(r.Options.Invoices), N(r.Options.Batch), load.SoapSenders > 0 ? $"{N(r.Options.Senders)} ({load.SoapSenders} SOAP)" : N(r.Options.Senders),
            N(load.AcceptedPerSecond), N(load.RegisteredPerSecond),
            $"{F(load.P50)} / {F(load.P95)} / {F(load.P99)}",
            $"{r.Gateway.CpuSeconds:0.0} / {r.Gateway.PeakRssMb:0}", $"{r.Worker.CpuSeconds:0.0} / {r.Worker.PeakRssMb:0}",
            $"{r.PostgresCpuSeconds:0.0}",
            $"{limit.ParseMicros:0} / {limit.CertificateMicros:0} / {limit.VerifyMicros:0} / {limit.CopyMicros:0}",
            N(limit.InvoicesPerSecond), $"{r.Ratio:0.00}",
            string.Join("; ", new[]
            {
                load.SoapSenders > 0 ? "accepted/s " + string.Join(", ", load.Protocols.Select(p => $"{p.Protocol} {N(p.AcceptedPerSecond)}")) : null,
                r.Options.Rate > 0 ? $"paced at {N(r.Options.Rate)}/s" : null,
                load.Failed + load.Declined == 0 ? null : $"{load.Declined} declined, {load.Failed} failed",
                r.Disturbed ? $"disturbed: other processes used {r.OtherCpuSeconds:0.0} CPU s" : null,
            }.OfType<string>()));
        var path = Path.Combine(root, "BENCHMARKS.md");
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : [.. Header().Split('\n'), RowsMarker];
        var at = lines.FindIndex(l => l.Trim() == RowsMarker);
        lines.Insert(at < 0 ? lines.Count : at, $"| {row} |");
        File.WriteAllLines(path, lines);
        Console.WriteLine($"Row added to {path}");
    }

    /// <summary>nproc × CPU model, RAM: e.g. "2 × AMD EPYC, 23 GB".</summary>
    public static string Machine()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        var memKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var gb = long.Parse(memKb, CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
        return $"{Environment.ProcessorCount} × {model ?? "unknown CPU"}, {gb:0} GB";
    }

    /// <summary>The short commit of HEAD, read from .git (what <c>git rev-parse --short HEAD</c> prints, without running git).</summary>
    public static string Commit(string root)
    {
        try
        {
            var git = Path.Combine(root, ".git");
            // In a worktree .git is a file "gitdir: <dir>"; its refs live in the common directory that <dir>/commondir names.
            var common = git;
            if (File.Exists(git))
            {
                git = Path.GetFullPath(File.ReadAllText(git).Trim()["gitdir: ".Length..], root);
                var commonFile = Path.Combine(git, "commondir");
                common = File.Exists(commonFile) ? Path.GetFullPath(File.ReadAllText(commonFile).Trim(), git) : git;
            }

            var head = File.ReadAllText(Path.Combine(git, "HEAD")).Trim();
            if (head.StartsWith("ref: ", StringComparison.Ordinal))
            {
                var reference = head[5..];
                var loose = Path.Combine(common, reference);
                head = File.Exists(loose)
                    ? File.ReadAllText(loose).Trim()
                    : File.ReadLines(Path.Combine(common, "packed-refs")).First(l => l.EndsWith(" " + reference, StringComparison.Ordinal))[..40];
            }

            return head[..7];
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException)
        {
            return "unknown";
        }
    }

    /// <summary>"REST", or e.g. "REST (4 senders) and SOAP (4 senders)".</summary>
    private static string Protocols(LoadResult load) =>
        load.Mixed ? string.Join(" and ", load.Protocols.Select(p => $"{p.Protocol} ({p.Senders} senders)")) : load.Protocols.Single().Protocol;

    private static string Micros(double seconds, int invoices) => invoices == 0 ? "–" : (seconds * 1e6 / invoices).ToString("0", CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The table's header, for a BENCHMARKS.md written from scratch.</summary>
    public static string Header() => new StringBuilder()
        .AppendLine("| Date (UTC) | Commit | Machine | Invoices | Batch | Senders (SOAP) | Accepted/s | Registered/s | p50 / p95 / p99 s | Gateway CPU s / RSS MB | Worker CPU s / RSS MB | PostgreSQL CPU s | Parts µs (parse / cert / verify / COPY) | Limit/s | Ratio | Notes |")
        .Append("|---|---|---|---:|---:|---:|---:|---:|---|---|---|---:|---|---:|---:|---|")
        .ToString();
}
