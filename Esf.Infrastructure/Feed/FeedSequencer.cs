using Npgsql;

namespace Esf.Infrastructure.Feed;

/// <summary>
/// Gives committed history rows their feed position, one pass at a time under a transaction-scoped advisory lock. Because
/// passes are serialized and each pass only sees rows already committed, a position is never handed out behind one a
/// reader may already have passed: the feed never skips and never repeats, however many workers commit at once.
/// Readers call <see cref="SequenceAsync"/> before reading, so the feed has no polling delay. Every table of
/// <see cref="FeedSource.All"/> (invoice and waybill history, warehouse movements) is numbered from the same counter: each
/// statement of a pass continues after the highest position of any of them (ADR 0031).
/// </summary>
public sealed class FeedSequencer(NpgsqlDataSource database)
{
    // Any fixed number, distinct from the migration lock.
    private const long LockKey = 7_346_210_005;
    private const int MaxRowsPerPass = 50_000;

    /// <summary>Per table of <see cref="FeedSource.All"/>, whether it has unsequenced rows (one partial-index probe each).</summary>
    private static readonly string ProbeSql = "SELECT ARRAY[" + string.Join(", ", FeedSource.All.Select(s =>
        $"EXISTS (SELECT 1 FROM {s.Table} WHERE feed_position IS NULL)")) + "]";

    /// <summary>The newest sequenced row of all tables: each table's is one step down its unique feed_position index.</summary>
    private static readonly string LastSql = string.Join(" UNION ALL ", FeedSource.All.Select(s =>
        $"(SELECT feed_position, feed_at FROM {s.Table} WHERE feed_position IS NOT NULL ORDER BY feed_position DESC LIMIT 1)"));

    public async Task SequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        bool[] pending;
        await using (var probe = new NpgsqlCommand(ProbeSql, connection, transaction))
        {
            pending = (bool[])(await probe.ExecuteScalarAsync(cancellationToken))!;
            if (!pending.Contains(true))
            {
                return;
            }
        }

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@Key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("Key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        // Only the tables the probe found rows in: a pass over invoices alone costs what it cost before waybills joined. A row
        // committed in another table since the probe waits for the next pass, which only hands out higher positions.
        foreach (var source in FeedSource.All.Where((_, i) => pending[i]))
        {
            // A new statement, so a new snapshot taken after the lock: it sees every row committed before it, and the
            // positions this pass gave the tables before.
            await using var command = new NpgsqlCommand($"""
                WITH last AS (
                    SELECT feed_position, feed_at FROM ({LastSql}) l ORDER BY feed_position DESC LIMIT 1),
                base AS (
                    SELECT coalesce((SELECT feed_position FROM last), 0) AS position,
                           greatest(date_trunc('milliseconds', clock_timestamp()),
                                    coalesce((SELECT feed_at FROM last) + interval '1 millisecond', '-infinity')) AS at),
                pending AS (
                    SELECT {source.IdColumn} AS id, row_number() OVER (ORDER BY {source.IdColumn}) AS n FROM (
                        SELECT {source.IdColumn} FROM {source.Table} WHERE feed_position IS NULL ORDER BY {source.IdColumn} LIMIT @Max) p)
                UPDATE {source.Table} h SET feed_position = base.position + pending.n, feed_at = base.at
                FROM pending, base WHERE h.{source.IdColumn} = pending.id
                """, connection, transaction);
            command.Parameters.AddWithValue("Max", MaxRowsPerPass);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
