namespace Esf.Infrastructure;

/// <summary>Kazakhstan keeps one time zone, UTC+5, since 1 March 2024: registration days are counted in it.</summary>
public static class KazakhstanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(5);

    public static DateTimeOffset Of(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The calendar day in Kazakhstan now, by <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Of(clock.GetUtcNow()).DateTime);
}
