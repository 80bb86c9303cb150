using Dapper;
using Esf.Infrastructure.Errors;
using Npgsql;

namespace Esf.Infrastructure.Status;

/// <summary>
/// The outage-date registry (outage_dates) read by period: the days on which the authorised body confirmed a technical error
/// or planned works, the only dates a paper invoice with the reason «Техническая ошибка или плановые работы» may carry in
/// field 2.1 (A-08; spec-rest §3.5).
/// </summary>
public sealed class OutageRegistry(NpgsqlDataSource database)
{
    /// <summary>The longest period one request reads: a year, leap day included.</summary>
    public const int MaxDays = 366;

    public async Task<IReadOnlyList<Outage>> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            throw EsfException.InvalidInput($"The period from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} must run forward and span at most {MaxDays} days.");
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. (await connection.QueryAsync<(DateTime Date, string? Reason)>(new CommandDefinition(
                "SELECT outage_date, reason FROM outage_dates WHERE outage_date BETWEEN @From AND @To ORDER BY outage_date",
                new { From = from, To = to }, cancellationToken: cancellationToken)))
            .Select(o => new Outage(DateOnly.FromDateTime(o.Date), o.Reason))];
    }
}
