using System.Globalization;
using System.Text;

namespace Esf.Bench;

/// <summary>Prints a bench's figures and appends its row to BENCHMARKS.md (before the marker line that ends the table).</summary>
public static class Report
{
    public const string RowsMarker = "<!-- bench/run.sh adds its rows above this line -->";

    public static void Print(BenchSummary s)
    {
        var (o, docs) = (s.Options, s.Scenario.Documents);
        var cores = Environment.ProcessorCount;
        Console.WriteLine($"""

            ==== Esf Gateway benchmark ({Machine()}) ====
            Build       : {s.Build.Describe()}
            PostgreSQL  : {s.PostgresSettings}
            Load        : scenario {s.Scenario.Name}: {o.Invoices:#,0} {docs} per run × {s.Runs.Count} run(s), batch {o.Batch}, {o.Senders} senders ({Protocols(s.Runs[0].Load)})
            """);
        foreach (var r in s.Runs)
        {
            Console.WriteLine($"  run {r.Number}: {r.Load.RegisteredPerSecond:#,0} registered/s, ratio {r.Ratio:0.00} (physical {r.PhysicalRatio:0.00}); "
                + $"gateway {r.Micros(r.Gateway.CpuSeconds):0} / worker {r.Micros(r.Worker.CpuSeconds):0} / PostgreSQL {r.Micros(r.PostgresCpuSeconds):0} µs per document"
                + (s.Excluded(r) is { } flaw ? $" — NOT CLEAN: {flaw}" : " — clean"));
            Console.WriteLine($"         warm-up {r.WarmUp.Describe()}; during the load {r.Window.Describe()}, load average {r.Window.LoadAverage}; host speed {r.HostSpeed.Describe()}");
        }

        var load = s.Of(r => r.Load.Accepted);
        Console.WriteLine($"""
            Figures     : {s.Verdict()}; median (min–max; spread = (max − min) ÷ median)
            Calibration : RSA-2048 verify {s.Of(r => r.Calibration.RsaVerifyPerSecond).Format("#,0")}/s per core (openssl speed), raw COPY {s.Of(r => r.Calibration.CopyRowsPerSecond).Format("#,0")} rows/s (unlogged), commit {s.Of(r => r.Calibration.CommitMillis).Format("0.00")} ms
            Uploads     : {load.Median:#,0} accepted → {s.Of(r => r.Load.AcceptedPerSecond).Format("#,0")} accepted/s{string.Join("", s.Used[0].Load.Protocols.Count > 1 ? s.Used[0].Load.Protocols.Select(p => $"; {p.Protocol} {s.Of(r => r.Load.Protocols.Single(q => q.Protocol == p.Protocol).AcceptedPerSecond).Format("#,0")}/s") : [])}
            Registration: {s.Of(r => r.Load.RegisteredPerSecond).Format("#,0")} registered/s (CREATED ÷ first upload → last CREATED); {s.Used.Sum(r => r.Load.Failed)} FAILED, {s.Used.Sum(r => r.Load.Declined)} declined
            Latency     : upload→registered p50 {s.Of(r => r.Load.P50).Format("0.00")} s, p95 {s.Of(r => r.Load.P95).Format("0.00")} s, p99 {s.Of(r => r.Load.P99).Format("0.00")} s
            CPU µs/doc  : gateway {s.Of(r => r.Micros(r.Gateway.CpuSeconds)).Format("0")}, worker {s.Of(r => r.Micros(r.Worker.CpuSeconds)).Format("0")}, PostgreSQL {s.Of(r => r.Micros(r.PostgresCpuSeconds)).Format("0")}, RabbitMQ {s.Of(r => r.Micros(r.RabbitCpuSeconds)).Format("0")}, bench client {s.Of(r => r.Micros(r.BenchCpuSeconds)).Format("0")}
            Peak RSS    : gateway {s.Of(r => r.Gateway.PeakRssMb).Format("0")} MB, worker {s.Of(r => r.Worker.PeakRssMb).Format("0")} MB
            PostgreSQL  : WAL {s.Of(r => r.Postgres.WalBytes / 1024.0 / Math.Max(1, r.Load.Accepted)).Format("0.0")} KB and {s.Of(r => (double)r.Postgres.WalFullPageImages / Math.Max(1, r.Load.Accepted)).Format("0.00")} full-page images per document; in the windows: {s.Used.Sum(r => r.Postgres.Checkpoints)} checkpoint(s), {s.Used.Sum(r => r.Postgres.AutoVacuums)} autovacuum(s), {s.Used.Sum(r => r.Postgres.AutoAnalyzes)} autoanalyze(s)
            JIT in window: gateway {s.Of(r => r.GatewayJit.Total).Format("0")}, worker {s.Of(r => r.WorkerJit.Total).Format("0")} methods compiled during the measured window
            In-process  : parse+XSD {s.Of(r => r.Limit.ParseMicros).Format("0")} µs, certificate (cached) {s.Of(r => r.Limit.CertificateMicros).Format("0")} µs, verify (key kept) {s.Of(r => r.Limit.VerifyMicros).Format("0")} µs, COPY {s.Of(r => r.Limit.CopyMicros).Format("0")} µs per document (1 core)
                          (XmlReader without XSD {s.Of(r => r.Limit.XmlOnlyMicros).Format("0")} µs; RSA check with the key extracted once {s.Of(r => r.Limit.RsaOnlyMicros).Format("0")} µs)
                          all together on {cores} cores: {s.Of(r => r.Limit.InvoicesPerSecond).Format("#,0")} {docs}/s (cores busy, %: {s.Of(r => r.Limit.BusyShare * 100).Format("0")})
            Physical    : read {s.Of(r => r.Physical.ReadMicros).Format("0.0")} µs, SHA-256 {s.Of(r => r.Physical.HashMicros).Format("0.0")} µs, verify (key parsed) {s.Of(r => r.Physical.VerifyMicros).Format("0.0")} µs, COPY (one row) {s.Of(r => r.Physical.CopyMicros).Format("0.0")} µs per document (1 core)
                          all together on {cores} cores: {s.Of(r => r.Physical.PerSecond).Format("#,0")} {docs}/s (cores busy, %: {s.Of(r => r.Physical.BusyShare * 100).Format("0")})
            Ratio       : pipeline ÷ in-process limit {s.Of(r => r.Ratio).Format("0.00")}; pipeline ÷ physical limit {s.Of(r => r.PhysicalRatio).Format("0.00")}
            """);
        var reproduction = Reproduce(s, ResultsTable(s.Options.Root));
        Console.WriteLine($"Reproduction: {reproduction?.Describe() ?? "no earlier claim row of this load on this machine to compare with"}");
        if (!s.IsClaim)
        {
            Console.WriteLine($"These figures are NOT A CLAIM: the row says so. {(s.Runs.Any(r => r.Disturbed) ? "Other work (or the host's speed) disturbed the machine; rerun when it is quiet." : "")}{(s.Runs.Any(r => s.OffSpeed(r) is not null) ? " A run's host ran off the others' speed: rerun, or ask for more runs (--repeat 4)." : "")}");
        }
    }

    public static void Append(BenchSummary s, string root)
    {
        var path = Path.Combine(root, "BENCHMARKS.md");
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : [.. Header().Split('\n'), RowsMarker];
        var at = lines.FindIndex(l => l.Trim() == RowsMarker);
        var reproduction = Reproduce(s, lines.Take(at < 0 ? lines.Count : at));
        lines.Insert(at < 0 ? lines.Count : at, $"| {string.Join(" | ", Cells(s, reproduction?.Note()))} |");
        File.WriteAllLines(path, lines);
        Console.WriteLine($"Row added to {path}");
    }

    /// <summary>
    /// The bench's figures against the last claim row of the same load on this machine among <paramref name="table"/> (the results
    /// table's lines); null when there is none, or when this bench is paced or its warm-up fixed.
    /// </summary>
    public static Reproduction? Reproduce(BenchSummary s, IEnumerable<string> table) =>
        s.Options.Rate > 0 || s.Options.WarmUpRounds is not null ? null
        : ClaimRow.LastLike(table, Cells(s, null)) is { } earlier ? Reproduction.Of(earlier, s) : null;

    /// <summary>The lines of BENCHMARKS.md above <see cref="RowsMarker"/>; none when there is no such file.</summary>
    private static IEnumerable<string> ResultsTable(string root)
    {
        var path = Path.Combine(root, "BENCHMARKS.md");
        return File.Exists(path) ? File.ReadLines(path).TakeWhile(l => l.Trim() != RowsMarker) : [];
    }

    /// <summary>The row's cells, in the order of <see cref="Header"/>; <paramref name="comparison"/> ends its Notes.</summary>
    private static string[] Cells(BenchSummary s, string? comparison)
    {
        var o = s.Options;
        var first = s.Used[0].Load;
        string Micros(Func<RunResult, double> cpu) => s.Of(r => r.Micros(cpu(r))).Short("0");
        string?[] notes =
        [
            s.Verdict(),
            first.SoapSenders > 0 ? "accepted/s " + string.Join(", ", first.Protocols.Select(p => $"{p.Protocol} {s.Of(r => r.Load.Protocols.Single(q => q.Protocol == p.Protocol).AcceptedPerSecond).Short("#,0")}")) : null,
            o.Rate > 0 ? $"paced at {N(o.Rate)}/s" : null,
            o.WarmUpRounds is { } rounds ? $"--warm-up-rounds {rounds}" : null,
            s.Runs.Sum(r => r.Load.Failed + r.Load.Declined) == 0 ? null : $"{s.Runs.Sum(r => r.Load.Declined)} declined, {s.Runs.Sum(r => r.Load.Failed)} failed",
            .. s.Runs.Where(r => s.Excluded(r) is not null).Select(r => $"run {r.Number} {s.Excluded(r)}"),
            comparison,
        ];
        return
        [
            DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), s.Build.Commit, Machine(),
            $"{s.Of(r => r.Calibration.RsaVerifyPerSecond).Short("#,0")} / {s.Of(r => r.Calibration.CopyRowsPerSecond).Short("#,0")} / {s.Of(r => r.Calibration.CommitMillis).Short("0.00")}",
            $"{s.Scenario.Name}, {N(o.Invoices)} × {s.Runs.Count}", N(o.Batch),
            first.SoapSenders > 0 ? $"{N(o.Senders)} ({first.SoapSenders} SOAP)" : N(o.Senders),
            s.Of(r => r.Load.AcceptedPerSecond).Short("#,0"), s.Of(r => r.Load.RegisteredPerSecond).Format("#,0"),
            $"{s.Of(r => r.Load.P50).Short("0.00")} / {s.Of(r => r.Load.P95).Short("0.00")} / {s.Of(r => r.Load.P99).Short("0.00")}",
            $"{Micros(r => r.Gateway.CpuSeconds)} / {Micros(r => r.Worker.CpuSeconds)} / {Micros(r => r.PostgresCpuSeconds)}",
            $"{s.Of(r => r.Gateway.PeakRssMb).Short("0")} / {s.Of(r => r.Worker.PeakRssMb).Short("0")}",
            $"{s.Of(r => r.Limit.ParseMicros).Short("0")} / {s.Of(r => r.Limit.CertificateMicros).Short("0")} / {s.Of(r => r.Limit.VerifyMicros).Short("0")} / {s.Of(r => r.Limit.CopyMicros).Short("0")}",
            s.Of(r => r.Limit.InvoicesPerSecond).Short("#,0"), s.Of(r => r.Ratio).Format("0.00"),
            $"{s.Of(r => r.Physical.ReadMicros).Short("0.0")} / {s.Of(r => r.Physical.HashMicros).Short("0.0")} / {s.Of(r => r.Physical.VerifyMicros).Short("0")} / {s.Of(r => r.Physical.CopyMicros).Short("0")}",
            s.Of(r => r.Physical.PerSecond).Short("#,0"), s.Of(r => r.PhysicalRatio).Format("0.00"),
            string.Join("; ", notes.OfType<string>()),
        ];
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

    private static string N(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>The table's header, for a BENCHMARKS.md written from scratch.</summary>
    public static string Header() => new StringBuilder()
        .AppendLine("| Date (UTC) | Commit | Machine | Calibration: RSA verify/s per core / COPY rows/s / commit ms | Scenario, documents × runs | Batch | Senders (SOAP) | Accepted/s | Registered/s | p50 / p95 / p99 s | CPU µs per document: gateway / worker / PostgreSQL | Peak RSS MB: gateway / worker | Parts µs (parse / cert / verify / COPY) | Limit/s | Ratio | Physical µs (read / SHA-256 / verify / COPY) | Physical limit/s | Ratio to physical | Notes |")
        .Append("|---|---|---|---|---|---:|---:|---:|---|---|---|---|---|---:|---|---|---:|---|---|")
        .ToString();
}
