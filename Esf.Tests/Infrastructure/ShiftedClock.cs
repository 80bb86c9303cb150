namespace Esf.Tests.Infrastructure;

/// <summary>
/// A clock that starts at a chosen instant and then runs at real speed (timers stay the system's): the gateway's time for
/// certificate validity is pinned where the test certificates are valid, while idle timers, leases and polling still work.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan shift = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
