using System.Collections.Concurrent;

namespace Esf.Infrastructure.Sandbox;

/// <summary>
/// The application's clock (every time-dependent rule and scheduled effect reads <see cref="TimeProvider"/>) with the sandbox's
/// offsets: one for every world and one per enterprise (<see cref="EnterpriseScope"/>), so that a 10-day decline window is
/// crossed in a second for one enterprise without moving anyone else's. Monotonic timestamps and timers are never shifted:
/// timeouts and leases keep real time. The offsets live in this process (documented in docs/sandbox.md).
/// </summary>
public sealed class SandboxClock(TimeProvider inner) : TimeProvider
{
    private readonly ConcurrentDictionary<string, TimeSpan> offsets = new(StringComparer.Ordinal);
    private TimeSpan everyone;
    private TaskCompletionSource moved = NewSignal();

    /// <summary>
    /// Completes at the next <see cref="Move"/>. Scheduled work that sleeps between passes (the waybill effects) wakes on it, since
    /// a moved clock may have crossed a due time: a 3-working-day window is then crossed in a second, not at the next pass.
    /// </summary>
    public Task NextMove => Volatile.Read(ref moved).Task;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + OffsetOf(EnterpriseScope.Tin);

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    /// <summary>The offset of an enterprise's world (its own plus everyone's), or everyone's for null.</summary>
    public TimeSpan OffsetOf(string? tin) => everyone + (tin is not null && offsets.TryGetValue(tin, out var own) ? own : TimeSpan.Zero);

    /// <summary>Sets the offset of one enterprise, or of every world when <paramref name="tin"/> is null.</summary>
    public void Set(string? tin, TimeSpan offset)
    {
        if (tin is null)
        {
            everyone = offset;
        }
        else
        {
            offsets[tin] = offset;
        }
    }

    /// <summary>
    /// <see cref="Set"/>, then wakes the scheduled work waiting for a due time (<see cref="NextMove"/>): what PUT /sandbox/clock does.
    /// Tests that drive a runner pass by pass themselves use <see cref="Set"/> alone, so no woken runner races theirs.
    /// </summary>
    public void Move(string? tin, TimeSpan offset)
    {
        Set(tin, offset);
        Interlocked.Exchange(ref moved, NewSignal()).TrySetResult();
    }

    /// <summary>Clears one enterprise's offset (on reset).</summary>
    public void Clear(string tin) => offsets.TryRemove(tin, out _);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
