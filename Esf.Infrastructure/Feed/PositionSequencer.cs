using Npgsql;

namespace Esf.Infrastructure.Feed;

/// <summary>A table numbered by a <see cref="PositionSequencer"/>: it has <c>feed_position</c> and <c>feed_at</c> columns.</summary>
/// <param name="Table">The append-only table.</param>
/// <param name="IdColumn">Its identity column, the order rows committed in one pass are numbered in.</param>
public sealed record SequencedTable(string Table, string IdColumn);

/// <summary>
/// Gives the committed rows of append-only logs (status histories, movements, notifications) their feed position, one pass at a
/// time under a transaction-scoped advisory lock. Because passes are serialized and each pass only sees rows already committed,
/// a position is never handed out behind one a reader may already have passed: the feed never skips and never repeats, however
/// many workers commit at once. Readers call <see cref="SequenceAsync"/> before reading, so the feed has no polling delay.
/// All the tables of one sequencer are numbered from the same counter: each statement of a pass continues after the highest
/// position of any of them (ADR 0031).
/// </summary>
/// <param name="lockKey">The advisory lock of these passes: any fixed number, distinct per sequencer and from the migration lock.</param>
public abstract class PositionSequencer(NpgsqlDataSource database, IReadOnlyList<SequencedTable> tables, long lockKey)
{
    private const int MaxRowsPerPass = 50_000;

    /// <summary>Per table, whether it has unsequenced rows (one partial-index probe each).</summary>
    private readonly string probeSql = "SELECT ARRAY[" + string.Join(", ", tables.Select(t =>
        $"EXISTS (SELECT 1 FROM {t.Table} WHERE feed_position IS NULL)")) + "]";

    /// <summary>The newest sequenced row of all tables: each table's is one step down its unique feed_position index.</summary>
    private readonly string lastSql = string.Join(" UNION ALL ", tables.Select(t =>
        $"(SELECT feed_position, feed_at FROM {t.Table} WHERE feed_position IS NOT NULL ORDER BY feed_position DESC LIMIT 1)"));

    public async Task SequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        bool[] pending;
        await using (var probe = new NpgsqlCommand(probeSql, connection, transaction))
        {
            pending = (bool[])(await probe.ExecuteScalarAsync(cancellationToken))!;
            if (!pending.Contains(true))
            {
                return;
            }
        }

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@Key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("Key", lockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        // Only the tables the probe found rows in: a pass over one table costs what it cost before the others joined. A row
        // committed in another table since the probe waits for the next pass, which only hands out higher positions.
        foreach (var table in tables.Where((_, i) => pending[i]))
        {
            // A new statement, so a new snapshot taken after the lock: it sees every row committed before it, and the
            // positions this pass gave the tables before.
            await using var command = new NpgsqlCommand($"""
                WITH last AS (
                    SELECT feed_position, feed_at FROM ({lastSql}) l ORDER BY feed_position DESC LIMIT 1),
                base AS (
                    SELECT coalesce((SELECT feed_position FROM last), 0) AS position,
                           greatest(date_trunc('milliseconds', clock_timestamp()),
                                    coalesce((SELECT feed_at FROM last) + interval '1 millisecond', '-infinity')) AS at),
                pending AS (
                    SELECT {table.IdColumn} AS id, row_number() OVER (ORDER BY {table.IdColumn}) AS n FROM (
                        SELECT {table.IdColumn} FROM {table.Table} WHERE feed_position IS NULL ORDER BY {table.IdColumn} LIMIT @Max) p)
                UPDATE {table.Table} h SET feed_position = base.position + pending.n, feed_at = base.at
                FROM pending, base WHERE h.{table.IdColumn} = pending.id
                """, connection, transaction);
            command.Parameters.AddWithValue("Max", MaxRowsPerPass);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
