namespace Esf.Tests.Infrastructure;

/// <summary>A clock the test sets: services built with it see that time (time-dependent behaviour is never tested by waiting).</summary>
public sealed class ControlledClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    /// <summary>The clock at <paramref name="day"/> (Kazakhstan calendar day), noon in Kazakhstan.</summary>
    public static ControlledClock At(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(5)));

    /// <summary>Today in Kazakhstan (UTC+5) by the system clock.</summary>
    public static DateOnly KazakhstanToday => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5));

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
