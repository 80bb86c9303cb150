using Npgsql;

namespace Esf.Infrastructure.Persistence;

/// <summary>
/// A transaction whose prepared statements run with their generic plans (ADR 0049). PostgreSQL plans a prepared statement
/// afresh for its parameters (a custom plan) as long as it estimates that cheaper than the generic plan; for a statement over
/// arrays (<c>unnest(@Ids)</c>, <c>= ANY(@Ids)</c>) it always does, because it costs the generic plan for ten elements and the
/// custom one for the few it was given, so the worker's batch statements were planned again at every batch: the warehouse
/// lock alone took 2.1 ms of planning per batch of 100 sales in the bench (pg_stat_statements: 0.6 s of the run's 1.8 s of
/// planning, against 34 s of statement time). Only transactions of fixed-shape batch statements use this: a page query with optional filters
/// (<c>@X IS NULL OR col = @X</c>) needs its custom plan, so the setting is never the connection's.
/// </summary>
internal static class GenericPlans
{
    /// <summary>Begins a transaction that plans each of its prepared statements once (SET LOCAL: it ends with the transaction).</summary>
    public static async Task<NpgsqlTransaction> BeginTransactionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SET LOCAL plan_cache_mode = force_generic_plan", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }
}
