using Dapper;
using Npgsql;

namespace Esf.Infrastructure.Status;

/// <summary>Reads <see cref="ServiceStatus"/> from the outage registry and the queue (the partial index on unfinished invoices).</summary>
public sealed class ServiceStatusReader(NpgsqlDataSource database, TimeProvider clock)
{
    /// <summary>An invoice waiting longer than this means the queue lags: DEGRADED.</summary>
    public static readonly TimeSpan LagThreshold = TimeSpan.FromMinutes(5);

    public async Task<ServiceStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var today = KazakhstanTime.Today(clock);
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            var outages = (await connection.QueryAsync<(DateTime Date, string? Reason)>(new CommandDefinition("""
                SELECT outage_date, reason FROM outage_dates WHERE outage_date >= @Since ORDER BY outage_date LIMIT 50
                """, new { Since = today.AddDays(-30) }, cancellationToken: cancellationToken)))
                .Select(o => new Outage(DateOnly.FromDateTime(o.Date), o.Reason)).ToList();
            var queue = await connection.QuerySingleAsync<(long Depth, DateTime? Oldest)>(new CommandDefinition(
                "SELECT count(*), min(input_date) FROM invoices WHERE status IN ('IN_QUEUE', 'IN_PROCESSING')", cancellationToken: cancellationToken));
            var age = queue.Oldest is { } oldest ? clock.GetUtcNow() - new DateTimeOffset(DateTime.SpecifyKind(oldest, DateTimeKind.Utc)) : (TimeSpan?)null;
            var current = outages.Where(o => o.Date == today).ToList();
            var state = current.Count > 0 ? "MAINTENANCE" : age > LagThreshold ? "DEGRADED" : "AVAILABLE";
            return new ServiceStatus(state, current.Count > 0 ? SinceOf(outages, today) : null, current, [.. outages.Where(o => o.Date > today)],
                queue.Depth, age?.TotalSeconds);
        }
        catch (NpgsqlException)
        {
            return new ServiceStatus("FAILURE", null, [], [], 0, null);
        }
    }

    /// <summary>The first day of the run of consecutive outage days that ends today.</summary>
    private static DateOnly SinceOf(List<Outage> outages, DateOnly today)
    {
        var since = today;
        while (outages.Any(o => o.Date == since.AddDays(-1)))
        {
            since = since.AddDays(-1);
        }

        return since;
    }
}
