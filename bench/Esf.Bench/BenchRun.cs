using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Registry;
using Npgsql;

namespace Esf.Bench;

/// <summary>What the bench keeps across its runs: the cluster, the senders and their signed documents, the warm-up documents.</summary>
public sealed record BenchSetup(
    Options Options, IScenario Scenario, PrivatePostgresCluster Cluster, IReadOnlyList<Sender> Taxpayers, IReadOnlyList<Sender> Senders,
    IReadOnlyList<SignedDocument> Documents, WarmUp WarmUp, MachineWatch Watch, Action<string> Log);

/// <summary>
/// One run of the measurement: a fresh database and fresh gateway and worker processes, the registry, the warm-up, the same starting
/// state of PostgreSQL (VACUUM ANALYZE, CHECKPOINT) and idle services, then the clock; afterwards, with the services stopped, the
/// in-process and physical limits and the machine's calibration. The last run also does the extra phases (paced run, export).
/// </summary>
public static class BenchRun
{
    /// <summary>Documents the in-process and physical limits and the calibration take (the first of the run's).</summary>
    public const int LimitDocuments = 5_000;

    /// <summary>Each <see cref="HostSpeed"/> probe: openssl's sign and verify, a second each.</summary>
    private const int HostSpeedProbeSeconds = 1;

    public static async Task<(RunResult Run, ExtrasResult Extras)> RunAsync(
        BenchSetup setup, int number, IReadOnlyList<RunResult> before, CancellationToken cancellationToken)
    {
        var (options, scenario, log, watch) = (setup.Options, setup.Scenario, setup.Log, setup.Watch);
        var last = number == options.Repeat;
        await using var stack = await Stack.StartAsync(options, setup.Cluster, cancellationToken);
        await using var database = NpgsqlDataSource.Create(stack.ConnectionString);
        var registry = new RegistryWriter(database);
        await InvoiceFactory.RegisterAsync(registry, setup.Taxpayers, cancellationToken);
        await scenario.PrepareRegistryAsync(database, setup.Taxpayers, cancellationToken);

        using var http = new HttpClient { BaseAddress = stack.GatewayUrl, Timeout = TimeSpan.FromMinutes(5) };
        var load = new LoadGenerator(http, stack.ConnectionString, setup.Senders, options.SoapSenders, scenario);
        await load.OpenSessionsAsync(cancellationToken);
        var warmUp = await setup.WarmUp.RunAsync(stack, load, cancellationToken);

        var afterId = await load.MaxInvoiceIdAsync(cancellationToken);
        var payloads = load.Payloads(setup.Documents, options.Batch);
        var extras = new ExtraPhases(options, stack, http, scenario, watch, log);
        await extras.StartFeedAsync(setup.Senders[0], registry, cancellationToken);
        await PgState.SettleAsync(database, cancellationToken);
        await WarmUp.QuietAsync(stack, cancellationToken);
        var speedBefore = await Calibration.OpensslVerifyPerSecondAsync(HostSpeedProbeSeconds, cancellationToken);
        GC.Collect();

        var start = Counters.Read(stack, setup.Cluster);
        var (jit0, pg0, machine0) = (stack.Jit, await PgState.ReadAsync(database, cancellationToken), watch.Snapshot());
        (Counters Cpu, (JitCount Gateway, JitCount Worker) Jit, PgCounters Pg, MachineWindow Machine, (double Gateway, double Worker) PeakRss)? end = null;
        log($"Run {number}: clock starts: {options.Invoices} {scenario.Documents} in uploads of {options.Batch} over {options.Senders} sessions"
            + (options.SoapSenders > 0 ? $" ({options.SoapSenders} of them SOAP)" : "") + (options.Rate > 0 ? $", paced at {options.Rate:0}/s" : ""));
        var result = await load.RunAsync(payloads, afterId, log, cancellationToken, options.Rate, options.Invoices, async () =>
            end = (Counters.Read(stack, setup.Cluster), stack.Jit, await PgState.ReadAsync(database, cancellationToken), watch.Snapshot().Since(machine0),
                (stack.Gateway.PeakRssMb, stack.Worker.PeakRssMb)));
        var (cpu, jit, pg, window, peakRss) = end!.Value;
        var hostSpeed = new HostSpeed(speedBefore, await Calibration.OpensslVerifyPerSecondAsync(HostSpeedProbeSeconds, cancellationToken));
        if (hostSpeed.Moved)
        {
            log($"The host's speed moved during the load: {hostSpeed.Describe()}");
        }
        log($"All verdicts in: {result.Created} registered, {result.Failed} FAILED" + (window.Disturbed ? $" — DISTURBED: {window.Describe()}" : ""));

        var (feedLag, feedDisturbed) = await extras.StopFeedAsync();
        var paced = last
            ? await extras.PacedRunAsync(load, setup.Senders, Spread.Of(before.Select(r => r.Load.RegisteredPerSecond).Append(result.RegisteredPerSecond)).Median, cancellationToken)
            : null;
        var export = last ? await extras.ExportAsync(setup.Taxpayers[^1], cancellationToken) : null;
        await load.CloseSessionsAsync(cancellationToken);
        await stack.StopServicesAsync();

        log("Limits and calibration, with the services stopped");
        var limitsStart = watch.Snapshot();
        await PgState.CheckpointAsync(database, cancellationToken);
        var sample = setup.Documents.Take(LimitDocuments).ToList();
        var limit = await scenario.MeasureInProcessLimitAsync(sample, options.Batch, stack.ConnectionString, cancellationToken);
        var physical = await PhysicalLimit.MeasureAsync(sample, options.Batch, stack.ConnectionString, cancellationToken);
        var calibration = await Calibration.MeasureAsync(sample, stack.ConnectionString, options.CalibrationSeconds, cancellationToken);
        var limitsWindow = watch.Snapshot().Since(limitsStart);

        var run = new RunResult(number, result, new ProcessUsage(cpu.Gateway - start.Gateway, peakRss.Gateway),
            new ProcessUsage(cpu.Worker - start.Worker, peakRss.Worker), cpu.Postgres - start.Postgres, cpu.Rabbit - start.Rabbit,
            cpu.Bench - start.Bench, window, pg - pg0, jit.Gateway - jit0.Gateway, jit.Worker - jit0.Worker, warmUp, limit, physical, calibration,
            hostSpeed, limitsWindow, feedLag);
        var extrasResult = new ExtrasResult(export, feedLag, feedDisturbed,
            paced ?? (options.Rate > 0 ? new PacedRun(options.Rate, double.NaN, result, window.Others, window.Disturbed) : null));
        return (run, extrasResult);
    }

    /// <summary>CPU seconds so far of the gateway, the worker, PostgreSQL (postmaster and backends), the RabbitMQ node and this process.</summary>
    private sealed record Counters(double Gateway, double Worker, double Postgres, double Rabbit, double Bench)
    {
        public static Counters Read(Stack stack, PrivatePostgresCluster cluster) => new(
            stack.Gateway.CpuSeconds, stack.Worker.CpuSeconds, ProcStats.TreeCpuSeconds(Stack.PostmasterPid(cluster)),
            ProcStats.CpuSeconds(RabbitMq.Pid(stack.Options)), ProcStats.CpuSeconds(Environment.ProcessId));
    }
}
