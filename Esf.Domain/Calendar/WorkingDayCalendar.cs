namespace Esf.Domain.Calendar;

/// <summary>
/// Working days in Kazakhstan: Monday to Friday, except public holidays and the days off the Government moves onto weekdays,
/// plus the weekend days it makes working in exchange. The dates come from a registry (imported per year); this type only
/// counts. «По истечении N рабочих дней после даты X» counts from the day after X: the N-th working day after X is the last
/// day of the period.
/// </summary>
/// <param name="daysOff">Holidays and transferred days off falling on weekdays (weekend days in it change nothing).</param>
/// <param name="workingWeekends">Saturdays and Sundays declared working days (перенос рабочего дня).</param>
public sealed class WorkingDayCalendar(IEnumerable<DateOnly> daysOff, IEnumerable<DateOnly> workingWeekends)
{
    private readonly HashSet<DateOnly> off = [.. daysOff];
    private readonly HashSet<DateOnly> workingWeekend = [.. workingWeekends];

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? workingWeekend.Contains(date) : !off.Contains(date);

    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="date"/> (the date itself does not count).</summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = date;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }
}
