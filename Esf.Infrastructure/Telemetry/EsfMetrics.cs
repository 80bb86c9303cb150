using System.Diagnostics.Metrics;
using Esf.Domain.Rules;

namespace Esf.Infrastructure.Telemetry;

/// <summary>
/// The gateway's own metrics, on the <see cref="System.Diagnostics.Metrics"/> meter <c>Esf</c> (exported through
/// OpenTelemetry when configured, readable with <c>dotnet-counters monitor --counters Esf</c> anyway). One static meter,
/// so the uploader and the worker record with one-line calls and nothing changes in their constructors.
/// </summary>
public static class EsfMetrics
{
    public const string MeterName = "Esf";

    private static readonly Meter Meter = new(MeterName, "1.0");

    public static readonly Counter<long> Uploads = Meter.CreateCounter<long>(
        "esf.uploads", "{upload}", "Uploads stored (with at least one accepted invoice or not), by channel.");

    public static readonly Counter<long> InvoicesAccepted = Meter.CreateCounter<long>(
        "esf.invoices.accepted", "{invoice}", "Invoices accepted by the upload checks and queued (IN_QUEUE), by channel.");

    public static readonly Counter<long> InvoicesDeclined = Meter.CreateCounter<long>(
        "esf.invoices.declined", "{invoice}", "Invoices declined synchronously by the upload checks, by channel.");

    public static readonly Counter<long> InvoicesRegistered = Meter.CreateCounter<long>(
        "esf.invoices.registered", "{invoice}", "Invoices the worker registered (CREATED).");

    public static readonly Counter<long> InvoicesFailed = Meter.CreateCounter<long>(
        "esf.invoices.failed", "{invoice}", "Invoices the worker failed (FAILED), by the rule id of their first violation.");

    public static readonly Histogram<double> RegistrationLatency = Meter.CreateHistogram<double>(
        "esf.invoice.registration.duration", "s", "Time from the upload being stored to its invoices being CREATED.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });

    /// <summary>Unfinished invoices (IN_QUEUE + IN_PROCESSING) as last sampled by <see cref="QueueDepthSampler"/>.</summary>
    internal static long QueueDepth;

    static EsfMetrics() =>
        Meter.CreateObservableGauge("esf.invoices.unfinished", () => Interlocked.Read(ref QueueDepth), "{invoice}",
            "Invoices IN_QUEUE or IN_PROCESSING (sampled from PostgreSQL every few seconds by the worker).");

    public static void Uploaded(string channel, int accepted, int declined)
    {
        var tag = new KeyValuePair<string, object?>("esf.channel", channel);
        Uploads.Add(1, tag);
        InvoicesAccepted.Add(accepted, tag);
        InvoicesDeclined.Add(declined, tag);
    }

    /// <summary>Counts the verdicts of one upload and, for the registered ones, the time since the upload was stored.</summary>
    /// <param name="receivedAt">When the upload was stored (its claim answers it); null when unknown.</param>
    public static void Judged(DateTimeOffset? receivedAt, int registered, IEnumerable<IReadOnlyList<RuleViolation>> failures, DateTimeOffset now)
    {
        InvoicesRegistered.Add(registered);
        foreach (var violations in failures)
        {
            InvoicesFailed.Add(1, new KeyValuePair<string, object?>("esf.rule_id", violations.Count > 0 ? violations[0].RuleId : "none"));
        }

        if (registered > 0 && receivedAt is { } stored && RegistrationLatency.Enabled)
        {
            var seconds = (now - stored).TotalSeconds;
            for (var i = 0; i < registered; i++)
            {
                RegistrationLatency.Record(Math.Max(0, seconds));
            }
        }
    }
}
