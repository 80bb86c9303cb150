using Esf.Bench;

namespace Esf.Tests.Bench;

/// <summary>Runs and summaries of made-up figures, for the tests of what the bench concludes from them.</summary>
internal static class BenchRuns
{
    public static BenchSummary Summary(params RunResult[] runs) =>
        new(Options.Parse([]), new InvoiceScenario(), runs, new BuildInfo("abc1234", []), "PostgreSQL 15");

    public static RunResult Run(int number, double registeredPerSecond, double othersShare = 0, bool settled = true)
    {
        var start = DateTimeOffset.UnixEpoch;
        var end = start.AddSeconds(10_000 / registeredPerSecond);
        var load = new LoadResult(100, 10_000, 0, 10_000, 0, start, end, end, 0.1, 0.2, 0.3, [new ProtocolLoad("REST", 8, 100, 10_000, 0, 1)]);
        var jit = new JitCount(0, 3);
        return new RunResult(number, load, new ProcessUsage(3, 250), new ProcessUsage(2, 200), 1.5, 0.5, 0.4, Window(othersShare),
            new PgCounters(0, 0, 0, 0, 0, 0, 0), jit, jit, new WarmUpResult([], settled),
            new LimitResult(5_000, 64, 101, 117, 80, 5_000, 30, 22, 0.98), new PhysicalResult(5_000, 0.3, 4, 16, 40, 20_000, 0.97),
            new CalibrationResult(46_000, 25_000, 1.2), new HostSpeed(46_000, 46_500), Window(0), null);
    }

    /// <summary>A 10-second window on 2 cores in which other processes used the given share of the machine.</summary>
    public static MachineWindow Window(double othersShare) => new(10, 2, 15 + 20 * othersShare, 0.5, 0, 14.5, [], "1.0 1.0 1.0");
}
