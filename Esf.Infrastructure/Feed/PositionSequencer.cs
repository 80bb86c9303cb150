using Npgsql;

namespace Esf.Infrastructure.Feed;

/// <summary>
/// Gives the committed rows of an append-only log (status history, notifications) their feed position, one pass at a time under a transaction-scoped advisory lock. Because
/// passes are serialized and each pass only sees rows already committed, a position is never handed out behind one a
/// reader may already have passed: the feed never skips and never repeats, however many workers commit at once.
/// Readers call <see cref="SequenceAsync"/> before reading, so the feed has no polling delay.
/// </summary>
/// <param name="table">A log with <c>id</c> (identity), <c>feed_position</c> and <c>feed_at</c> columns.</param>
/// <param name="lockKey">The advisory lock of this log's passes: any fixed number, distinct per log and from the migration lock.</param>
public abstract class PositionSequencer(NpgsqlDataSource database, string table, long lockKey)
{
    private const int MaxRowsPerPass = 50_000;

    public async Task SequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var probe = new NpgsqlCommand(
            $"SELECT EXISTS (SELECT 1 FROM {table} WHERE feed_position IS NULL)", connection, transaction))
        {
            if (await probe.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return;
            }
        }

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@Key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("Key", lockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        // A new statement, so a new snapshot taken after the lock: it sees every row committed before this pass.
        await using var command = new NpgsqlCommand($"""
            WITH last AS (
                SELECT feed_position, feed_at FROM {table}
                WHERE feed_position IS NOT NULL ORDER BY feed_position DESC LIMIT 1),
            base AS (
                SELECT coalesce((SELECT feed_position FROM last), 0) AS position,
                       greatest(date_trunc('milliseconds', clock_timestamp()),
                                coalesce((SELECT feed_at FROM last) + interval '1 millisecond', '-infinity')) AS at),
            pending AS (
                SELECT id, row_number() OVER (ORDER BY id) AS n FROM (
                    SELECT id FROM {table} WHERE feed_position IS NULL ORDER BY id LIMIT @Max) p)
            UPDATE {table} h SET feed_position = base.position + pending.n, feed_at = base.at
            FROM pending, base WHERE h.id = pending.id
            """, connection, transaction);
        command.Parameters.AddWithValue("Max", MaxRowsPerPass);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
