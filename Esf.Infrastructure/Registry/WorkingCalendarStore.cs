using Dapper;
using Esf.Domain.Calendar;
using Npgsql;

namespace Esf.Infrastructure.Registry;

/// <summary>
/// Reads the working-day calendar registry (<c>working_calendar</c>, imported as the registry «calendar»): a year's listed
/// days for <c>GET /api/v1/registry/calendar</c>, and the whole registry as the <see cref="WorkingDayCalendar"/> the rules
/// (R155) and the scheduled effects of a waybill count on. The registry holds a few dozen rows a year, so it is read whole.
/// </summary>
public sealed class WorkingCalendarStore(NpgsqlDataSource database)
{
    public async Task<IReadOnlyList<CalendarDay>> YearAsync(int year, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var days = await connection.QueryAsync<(DateOnly Day, bool IsWorking, string? Name)>(new CommandDefinition(
            "SELECT day, is_working, name_ru FROM working_calendar WHERE day BETWEEN @From AND @To ORDER BY day",
            new { From = new DateOnly(year, 1, 1), To = new DateOnly(year, 12, 31) }, cancellationToken: cancellationToken));
        return [.. days.Select(d => new CalendarDay(d.Day, d.IsWorking, d.Name))];
    }

    /// <summary>The imported calendar, or null when nothing was ever imported (then R155 cannot decide and passes).</summary>
    internal static async Task<WorkingDayCalendar?> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var days = (await connection.QueryAsync<(DateOnly Day, bool IsWorking)>(new CommandDefinition(
            "SELECT day, is_working FROM working_calendar", cancellationToken: cancellationToken))).ToList();
        return days.Count == 0
            ? null
            : new WorkingDayCalendar(days.Where(d => !d.IsWorking).Select(d => d.Day), days.Where(d => d.IsWorking).Select(d => d.Day));
    }
}
