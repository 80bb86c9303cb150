using Npgsql;

namespace Esf.Infrastructure.Feed;

/// <summary>
/// The tables a <see cref="PositionSequencer"/> works on (migration 0159, ADR 0043): a statement trigger on every sequenced table
/// queues its new rows in <paramref name="Pending"/>, a pass moves them to <paramref name="Positions"/> with their position and
/// instant, continuing the <c>position_counters</c> row <paramref name="Counter"/>.
/// </summary>
/// <param name="Columns">What identifies a queued row: copied from the queue to the positions table as it is.</param>
/// <param name="Order">The order the rows of one pass are numbered in.</param>
public sealed record PositionLog(string Counter, string Pending, string Positions, string Columns, string Order);

/// <summary>
/// Gives the committed rows of append-only logs (status histories, movements, notifications) their feed position, one pass at a
/// time under a transaction-scoped advisory lock. Because passes are serialized and each pass only sees rows already committed,
/// a position is never handed out behind one a reader may already have passed: the feed never skips and never repeats, however
/// many workers commit at once. Readers call <see cref="SequenceAsync"/> before reading, so the feed has no polling delay.
/// All the tables of one sequencer are numbered from the same counter (ADR 0031). The rows themselves are never rewritten: their
/// positions live in a narrow table of their own (ADR 0043).
/// </summary>
/// <param name="lockKey">The advisory lock of these passes: any fixed number, distinct per sequencer and from the migration lock.</param>
public abstract class PositionSequencer(NpgsqlDataSource database, PositionLog log, long lockKey)
{
    private const int MaxRowsPerPass = 50_000;

    /// <summary>
    /// One statement, so one snapshot taken after the lock: it takes the queued rows committed before it (a row and its queue
    /// entry commit together), counts them off the counter and writes their positions. All rows of a pass share one instant,
    /// at least a millisecond after the last pass's, so that instants grow with positions (queryUpdates pages by them).
    /// </summary>
    private readonly string passSql = $"""
        WITH taken AS (
            DELETE FROM {log.Pending} WHERE ctid = ANY (ARRAY(SELECT ctid FROM {log.Pending} LIMIT @Max))
            RETURNING {log.Columns}),
        counted AS (SELECT count(*) AS n FROM taken),
        counter AS (
            UPDATE position_counters c
            SET position = c.position + counted.n,
                at = greatest(date_trunc('milliseconds', clock_timestamp()), c.at + interval '1 millisecond')
            FROM counted WHERE c.name = @Counter AND counted.n > 0
            RETURNING c.position - counted.n AS base, c.at)
        INSERT INTO {log.Positions} (position, at, {log.Columns})
        SELECT counter.base + row_number() OVER (ORDER BY {log.Order}), counter.at, {log.Columns}
        FROM taken CROSS JOIN counter
        """;

    public async Task SequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var probe = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {log.Pending})", connection, transaction))
        {
            if (!(bool)(await probe.ExecuteScalarAsync(cancellationToken))!)
            {
                return;
            }
        }

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@Key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("Key", lockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = new NpgsqlCommand(passSql, connection, transaction))
        {
            command.Parameters.AddWithValue("Max", MaxRowsPerPass);
            command.Parameters.AddWithValue("Counter", log.Counter);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
