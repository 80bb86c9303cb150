using System.Globalization;

namespace Esf.Bench;

/// <summary>CPU seconds (during the measured window) and peak RSS of one process.</summary>
public sealed record ProcessUsage(double CpuSeconds, double PeakRssMb);

/// <summary>
/// Everything one run measured: the load window (with the services' and PostgreSQL's CPU, what PostgreSQL wrote, what the JIT compiled,
/// and the machine), the warm-up before it, and — with the services stopped — the in-process and physical limits and the calibration.
/// </summary>
public sealed record RunResult(
    int Number, LoadResult Load, ProcessUsage Gateway, ProcessUsage Worker, double PostgresCpuSeconds, double RabbitCpuSeconds,
    double BenchCpuSeconds, MachineWindow Window, PgCounters Postgres, JitCount GatewayJit, JitCount WorkerJit, WarmUpResult WarmUp,
    LimitResult Limit, PhysicalResult Physical, CalibrationResult Calibration, HostSpeed HostSpeed, MachineWindow LimitsWindow, FeedLag? Feed)
{
    public double Ratio => Load.RegisteredPerSecond / Limit.InvoicesPerSecond;

    public double PhysicalRatio => Load.RegisteredPerSecond / Physical.PerSecond;

    /// <summary>
    /// Other work took more than a tenth of the machine during the load or during the limits and calibration, or the host's own
    /// speed moved by more than a tenth across the load.
    /// </summary>
    public bool Disturbed => Window.Disturbed || LimitsWindow.Disturbed || HostSpeed.Moved;

    /// <summary>Usable for a claim: undisturbed, and the services were warm when the clock started.</summary>
    public bool Clean => !Disturbed && WarmUp.Settled;

    /// <summary>CPU µs per accepted document.</summary>
    public double Micros(double cpuSeconds) => Load.Accepted == 0 ? double.NaN : cpuSeconds * 1e6 / Load.Accepted;

    /// <summary>Why the run is not clean, e.g. "disturbed during the load: other processes used …"; null when it is.</summary>
    public string? Flaw => string.Join("; ", new[]
    {
        Window.Disturbed ? $"disturbed during the load: {Window.Describe()}" : null,
        LimitsWindow.Disturbed ? $"disturbed during the limits: {LimitsWindow.Describe()}" : null,
        HostSpeed.Moved ? $"the host's speed moved during the load: {HostSpeed.Describe()}" : null,
        WarmUp.Settled ? null : "warm-up not settled",
    }.OfType<string>()) is { Length: > 0 } flaw ? flaw : null;
}

/// <summary>
/// The runs of one bench, and the figures it reports: medians over the clean runs (all runs when none is clean, then flagged). A run
/// counts as clean when it is clean in itself (<see cref="RunResult.Clean"/>) and its host ran within a tenth of the median host
/// speed of the runs clean in themselves (<see cref="OffSpeed"/>). The figures are a claim only with at least <see cref="Options.DefaultRepeat"/> clean runs.
/// </summary>
public sealed record BenchSummary(Options Options, IScenario Scenario, IReadOnlyList<RunResult> Runs, BuildInfo Build, string PostgresSettings)
{
    public IReadOnlyList<RunResult> CleanRuns => Runs.Where(r => r.Clean && OffSpeed(r) is null).ToList();

    /// <summary>The runs the medians are taken over.</summary>
    public IReadOnlyList<RunResult> Used => CleanRuns.Count > 0 ? CleanRuns : Runs;

    public bool IsClaim => CleanRuns.Count >= Options.DefaultRepeat;

    public Spread Of(Func<RunResult, double> figure) => Spread.Of(Used.Select(figure));

    /// <summary>The median of the runs' host speeds (<see cref="HostSpeed.VerifyPerSecond"/>), over the runs clean in themselves.</summary>
    private double HostSpeedMedian => Spread.Of(Runs.Where(r => r.Clean).Select(r => r.HostSpeed.VerifyPerSecond)).Median;

    /// <summary>
    /// Why a run clean in itself is still left out: its host ran more than <see cref="HostSpeed.MaxMove"/> off the clean runs'
    /// median speed, steadily through its load — in effect another machine (issue 17: one run of three 13 % slower in every
    /// process, its probes 52,922 and 57,072/s against 62,000–66,000/s in the other two). Null when it is not left out or when
    /// the speeds were not measured.
    /// </summary>
    public string? OffSpeed(RunResult run)
    {
        var (speed, median) = (run.HostSpeed.VerifyPerSecond, HostSpeedMedian);
        var off = speed / median - 1;
        return run.Clean && Math.Abs(off) > HostSpeed.MaxMove
            ? string.Create(CultureInfo.InvariantCulture,
                $"the host ran at {speed:#,0}/s per core (RSA-2048 verify, the mean of the run's two probes), {Math.Abs(off) * 100:0} % off the clean runs' median {median:#,0}/s")
            : null;
    }

    /// <summary>Why a run is not used, or null: its own flaw, or its host's speed.</summary>
    public string? Excluded(RunResult run) => run.Flaw ?? OffSpeed(run);

    /// <summary>e.g. "claim: medians of 3 clean runs" or "NOT A CLAIM: runs 1, 2 disturbed; medians of run 3 only".</summary>
    public string Verdict()
    {
        var excluded = Runs.Where(r => Excluded(r) is not null).Select(r => r.Number).ToList();
        var used = $"medians of {(CleanRuns.Count > 0 ? $"{CleanRuns.Count} clean run(s)" : $"all {Runs.Count} runs, none clean")}";
        var why = excluded.Count == 0 ? "" : $"; run(s) {string.Join(", ", excluded)} excluded (disturbed, not warm, or on a host off the others' speed)";
        return IsClaim
            ? $"claim: {used}{why}"
            : $"NOT A CLAIM ({CleanRuns.Count} clean of {Runs.Count}; a claim needs {Options.DefaultRepeat} clean runs): {used}{why}";
    }
}
