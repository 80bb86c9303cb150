using Dapper;
using Esf.Infrastructure.Errors;
using Npgsql;

namespace Esf.Infrastructure.Persistence;

/// <summary>
/// Per-enterprise quotas on rows (security review M7): inside the inserting transaction, takes a transaction lock on
/// (what, enterprise), so concurrent inserts of one enterprise are counted one after the other, then refuses past the limit.
/// </summary>
public static class TenantQuotas
{
    /// <param name="countSql">Counts the enterprise's rows that use the quota; its parameters are <paramref name="parameters"/>.</param>
    /// <param name="what">What is counted, for the message (e.g. «API keys»).</param>
    /// <param name="key">The configuration key of the limit.</param>
    public static async Task EnsureRoomAsync(
        NpgsqlConnection connection, string tin, string countSql, object parameters, int limit, string what, string key,
        CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtext(@Key), hashtext(@Tin))", new { Key = key, Tin = tin }, cancellationToken: cancellationToken));
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(countSql, parameters, cancellationToken: cancellationToken)) >= limit)
        {
            throw Quota.Exceeded($"{what} ({limit})", key);
        }
    }
}
