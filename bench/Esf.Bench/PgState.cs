using Npgsql;

namespace Esf.Bench;

/// <summary>
/// PostgreSQL's cumulative counters that explain its CPU in a window: WAL written (and how much of it full-page images, which every
/// page touched first after a checkpoint costs), checkpoints, and autovacuum / autoanalyze runs of the bench database.
/// </summary>
public sealed record PgCounters(
    long WalRecords, long WalFullPageImages, long WalBytes, long CheckpointsTimed, long CheckpointsRequested, long AutoVacuums, long AutoAnalyzes)
{
    public static PgCounters operator -(PgCounters a, PgCounters b) => new(
        a.WalRecords - b.WalRecords, a.WalFullPageImages - b.WalFullPageImages, a.WalBytes - b.WalBytes, a.CheckpointsTimed - b.CheckpointsTimed,
        a.CheckpointsRequested - b.CheckpointsRequested, a.AutoVacuums - b.AutoVacuums, a.AutoAnalyzes - b.AutoAnalyzes);

    public long Checkpoints => CheckpointsTimed + CheckpointsRequested;
}

/// <summary>Reads <see cref="PgCounters"/> and the settings that decide them, and brings the database to the same state before each clock.</summary>
public static class PgState
{
    /// <summary>The settings printed with every report: they change what a row means (durability, checkpoints, autovacuum).</summary>
    private static readonly string[] Settings =
    [
        "server_version", "fsync", "synchronous_commit", "full_page_writes", "wal_compression", "shared_buffers", "max_wal_size",
        "checkpoint_timeout", "autovacuum", "autovacuum_naptime",
    ];

    public static async Task<PgCounters> ReadAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // PostgreSQL 17 moved the checkpoint counters from pg_stat_bgwriter to pg_stat_checkpointer.
        var checkpoints = connection.PostgreSqlVersion.Major >= 17
            ? "SELECT num_timed, num_requested FROM pg_stat_checkpointer"
            : "SELECT checkpoints_timed, checkpoints_req FROM pg_stat_bgwriter";
        await using var command = new NpgsqlCommand($"""
            SELECT w.wal_records, w.wal_fpi, w.wal_bytes::bigint, c.*, v.*
            FROM pg_stat_wal w,
                 ({checkpoints}) c,
                 (SELECT coalesce(sum(autovacuum_count), 0)::bigint, coalesce(sum(autoanalyze_count), 0)::bigint FROM pg_stat_user_tables) v
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new PgCounters(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.GetInt64(5), reader.GetInt64(6));
    }

    /// <summary>e.g. "PostgreSQL 15.8: fsync on, synchronous_commit on, …".</summary>
    public static async Task<string> DescribeSettingsAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT name, current_setting(name) FROM unnest(@Names) AS name");
        command.Parameters.AddWithValue("Names", Settings);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var settings = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            settings.Add(reader.GetString(0) == "server_version" ? $"PostgreSQL {reader.GetString(1)}:" : $"{reader.GetString(0)} {reader.GetString(1)}");
        }

        return string.Join(" ", settings.Take(1)) + " " + string.Join(", ", settings.Skip(1));
    }

    /// <summary>
    /// The same starting state for every measured window: fresh statistics and visibility (VACUUM ANALYZE of the database, small after the
    /// warm-up) and a checkpoint just done, so that no run has a timed checkpoint's full-page writes in its window by chance.
    /// </summary>
    public static async Task SettleAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await ExecuteAsync(database, "VACUUM (ANALYZE)", cancellationToken);
        await CheckpointAsync(database, cancellationToken);
    }

    /// <summary>A checkpoint now: what the load left dirty is written before the in-process measurements, not during them.</summary>
    public static Task CheckpointAsync(NpgsqlDataSource database, CancellationToken cancellationToken) =>
        ExecuteAsync(database, "CHECKPOINT", cancellationToken);

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
