using System.Globalization;

namespace Esf.Tests.Faults;

/// <summary>The size of the fault suite's load: <c>ESF_FAULTS_INVOICES</c> (default 10,000, which CI uses — the size the issue names).</summary>
public static class FaultSettings
{
    public const string InvoicesVariable = "ESF_FAULTS_INVOICES";

    public static int Invoices =>
        int.TryParse(Environment.GetEnvironmentVariable(InvoicesVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : 10_000;

    /// <summary>
    /// The pace of the load (<c>ESF_FAULTS_RATE</c> invoices/s, default 400): slow enough that every fault strikes while
    /// uploads are still arriving, which a full-speed load of this size would not allow.
    /// </summary>
    public static double InvoicesPerSecond =>
        double.TryParse(Environment.GetEnvironmentVariable("ESF_FAULTS_RATE"), NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0
            ? r
            : 400;

    /// <summary>
    /// How long the killed worker stays down before it is started again (<c>ESF_FAULTS_WORKER_DOWN_SECONDS</c>, default 0).
    /// Longer outages build a backlog the relay must not mistake for lost messages (see docs/operations.md, the relay).
    /// </summary>
    public static TimeSpan WorkerDownTime =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("ESF_FAULTS_WORKER_DOWN_SECONDS"), out var s) && s > 0 ? s : 0);

    /// <summary>Invoices per upload: the load is Invoices / BatchSize uploads, each with its own Idempotency-Key.</summary>
    public const int BatchSize = 20;

    /// <summary>How long, after the load ended, an invoice may still be IN_QUEUE/IN_PROCESSING.</summary>
    public static readonly TimeSpan SettleBound = TimeSpan.FromMinutes(2);
}
