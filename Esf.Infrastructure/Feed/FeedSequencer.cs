using Npgsql;

namespace Esf.Infrastructure.Feed;

/// <summary>
/// Gives committed history rows their feed position, one pass at a time under a transaction-scoped advisory lock. Because
/// passes are serialized and each pass only sees rows already committed, a position is never handed out behind one a
/// reader may already have passed: the feed never skips and never repeats, however many workers commit at once.
/// Readers call <see cref="SequenceAsync"/> before reading, so the feed has no polling delay.
/// </summary>
public sealed class FeedSequencer(NpgsqlDataSource database)
{
    // Any fixed number, distinct from the migration lock.
    private const long LockKey = 7_346_210_005;
    private const int MaxRowsPerPass = 50_000;

    public async Task SequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var probe = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM invoice_status_history WHERE feed_position IS NULL)", connection, transaction))
        {
            if (await probe.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return;
            }
        }

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@Key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("Key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        // A new statement, so a new snapshot taken after the lock: it sees every row committed before this pass.
        await using var command = new NpgsqlCommand("""
            WITH last AS (
                SELECT feed_position, feed_at FROM invoice_status_history
                WHERE feed_position IS NOT NULL ORDER BY feed_position DESC LIMIT 1),
            base AS (
                SELECT coalesce((SELECT feed_position FROM last), 0) AS position,
                       greatest(date_trunc('milliseconds', clock_timestamp()),
                                coalesce((SELECT feed_at FROM last) + interval '1 millisecond', '-infinity')) AS at),
            pending AS (
                SELECT id, row_number() OVER (ORDER BY id) AS n FROM (
                    SELECT id FROM invoice_status_history WHERE feed_position IS NULL ORDER BY id LIMIT @Max) p)
            UPDATE invoice_status_history h SET feed_position = base.position + pending.n, feed_at = base.at
            FROM pending, base WHERE h.id = pending.id
            """, connection, transaction);
        command.Parameters.AddWithValue("Max", MaxRowsPerPass);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
