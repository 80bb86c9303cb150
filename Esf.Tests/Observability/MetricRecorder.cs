using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Esf.Infrastructure.Telemetry;

namespace Esf.Tests.Observability;

/// <summary>Listens to the <c>Esf</c> meter and sums each instrument's measurements by one tag value (or all).</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string? Tag), double> sums = new();

    public MetricRecorder()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EsfMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        listener.Start();
    }

    /// <summary>Sum of the instrument's measurements, optionally only those tagged <paramref name="tagValue"/>.</summary>
    public double Sum(string instrument, string? tagValue = null) => sums.GetValueOrDefault((instrument, tagValue));

    /// <summary>Counts measurements rather than summing them (for histograms: how many were recorded).</summary>
    public double Count(string instrument) => sums.GetValueOrDefault((instrument + "#count", null));

    /// <summary>Reads the observable instruments (gauges) now.</summary>
    public void Observe() => listener.RecordObservableInstruments();

    public void Dispose() => listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        sums.AddOrUpdate((instrument.Name, null), value, (_, sum) => sum + value);
        sums.AddOrUpdate((instrument.Name + "#count", null), 1, (_, sum) => sum + 1);
        foreach (var tag in tags)
        {
            sums.AddOrUpdate((instrument.Name, tag.Value?.ToString()), value, (_, sum) => sum + value);
        }
    }
}
