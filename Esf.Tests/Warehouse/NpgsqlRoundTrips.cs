using System.Diagnostics;

namespace Esf.Tests.Warehouse;

/// <summary>
/// Counts the commands Npgsql sends (one activity each, so one round trip each: a command of several statements is one) from
/// the async flow that created it only, as other tests run meanwhile.
/// </summary>
public sealed class NpgsqlRoundTrips : IDisposable
{
    private static readonly AsyncLocal<NpgsqlRoundTrips?> Current = new();
    private readonly ActivityListener listener;
    private int count;

    public NpgsqlRoundTrips()
    {
        Current.Value = this;
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = _ =>
            {
                if (ReferenceEquals(Current.Value, this))
                {
                    Interlocked.Increment(ref count);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public int Count => Volatile.Read(ref count);

    public void Dispose()
    {
        listener.Dispose();
        Current.Value = null;
    }
}
