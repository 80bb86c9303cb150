using Dapper;
using Npgsql;

namespace Esf.Tests.Infrastructure;

/// <summary>
/// A row lock a test holds in its own transaction, standing for a concurrent transaction (another worker's verdict, the relay,
/// a revocation): the code under test runs until it waits for it, then the test releases or commits it. Nothing waits on time.
/// </summary>
public sealed class RowLock : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private RowLock(NpgsqlConnection connection, NpgsqlTransaction transaction) => (this.connection, this.transaction) = (connection, transaction);

    /// <summary>Locks the rows <paramref name="selectForUpdate"/> selects (a <c>SELECT … FOR UPDATE</c>) until released.</summary>
    public static async Task<RowLock> TakeAsync(string selectForUpdate, object parameters)
    {
        var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(selectForUpdate, parameters, transaction);
        return new RowLock(connection, transaction);
    }

    /// <summary>Runs <paramref name="sql"/> in the holding transaction (what the concurrent transaction changes before it commits).</summary>
    public Task ExecuteAsync(string sql, object parameters) => connection.ExecuteAsync(sql, parameters, transaction);

    /// <summary>
    /// Waits until <paramref name="count"/> other sessions wait for this lock (directly or behind another waiter), or until
    /// <paramref name="work"/> ended without waiting for it: code that takes no such lock then finishes, and the test's
    /// assertions say what it did instead of a timeout.
    /// </summary>
    public async Task UntilWaitedForAsync(int count, Task work, string what) =>
        await Poller.UntilAsync(async () => (Waiting: await WaitersAsync(), Ended: work.IsCompleted), seen => seen.Waiting >= count || seen.Ended, what);

    public Task CommitAsync() => transaction.CommitAsync();

    public Task ReleaseAsync() => transaction.RollbackAsync();

    /// <summary>True when another session holds a lock on a row <paramref name="selectForUpdateNowait"/> selects.</summary>
    public static async Task<bool> IsHeldAsync(string selectForUpdateNowait, object parameters)
    {
        await using var probe = new NpgsqlConnection(TestServices.RequirePostgres());
        try
        {
            await probe.ExecuteAsync(selectForUpdateNowait, parameters);
            return false;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private async Task<int> WaitersAsync()
    {
        await using var probe = new NpgsqlConnection(TestServices.RequirePostgres());
        // Transitively: the second session waiting for one row waits for the first waiter (its tuple lock), not for the holder.
        return await probe.ExecuteScalarAsync<int>("""
            WITH RECURSIVE waiters(pid) AS (
                SELECT pid FROM pg_stat_activity WHERE @Pid = ANY(pg_blocking_pids(pid))
                UNION
                SELECT a.pid FROM pg_stat_activity a JOIN waiters w ON w.pid = ANY(pg_blocking_pids(a.pid)))
            SELECT count(*) FROM waiters
            """, new { Pid = connection.ProcessID });
    }
}
