namespace Esf.Infrastructure.Registry;

/// <summary>
/// One day the working-day calendar registry lists: a weekday off (a public holiday or a day off moved onto it,
/// <paramref name="IsWorking"/> false) or a weekend day made a working day (перенос рабочего дня, true).
/// </summary>
public sealed record CalendarDay(DateOnly Date, bool IsWorking, string? Name);
