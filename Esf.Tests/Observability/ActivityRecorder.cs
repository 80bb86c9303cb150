using System.Collections.Concurrent;
using System.Diagnostics;

namespace Esf.Tests.Observability;

/// <summary>Records every finished activity of the given sources in this process (what an OpenTelemetry exporter would get).</summary>
public sealed class ActivityRecorder : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<Activity> finished = new();

    public ActivityRecorder(params string[] sources)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = finished.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyList<Activity> Finished => finished.ToArray();

    public void Dispose() => listener.Dispose();
}
