using System.Text.Json;
using Dapper;
using Esf.Infrastructure.Errors;
using Npgsql;

namespace Esf.Infrastructure.Invoices;

/// <summary>
/// Idempotency-Key handling inside the upload transaction: the key is claimed by an insert (a concurrent twin waits on the
/// unique key, then reads the committed answer), and the answer is stored before the transaction commits.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>The column's length (varchar(200)); a longer key is refused before it reaches the database.</summary>
    public const int MaxLength = 200;

    /// <summary>Counts the unexpired keys of <c>@Tin</c> (created at <c>@ExpiredBefore</c> or later): what <c>Esf:Quotas:OpenIdempotencyKeysPerTenant</c> limits.</summary>
    internal const string CountOpen = "SELECT count(*) FROM idempotency_keys WHERE tin = @Tin AND created_at >= @ExpiredBefore";

    /// <summary>Keys created before this instant have expired (<see cref="QuotaOptions.IdempotencyKeyRetentionHours"/>).</summary>
    public static DateTimeOffset ExpiredBefore(TimeProvider clock, QuotaOptions quotas) =>
        clock.GetUtcNow() - TimeSpan.FromHours(quotas.IdempotencyKeyRetentionHours);

    /// <summary>
    /// Null when the key is new (or expired) and now ours; otherwise the answer given to the first request with this key.
    /// Refuses a new key past the enterprise's open-key quota.
    /// </summary>
    internal static async Task<UploadResult?> ClaimAsync(
        NpgsqlConnection connection, string tin, string key, string requestHash, TimeProvider clock, QuotaOptions quotas,
        CancellationToken cancellationToken)
    {
        var expiredBefore = ExpiredBefore(clock, quotas);
        // An expired key that the sweeper has not reached yet is forgotten here, so expiry does not depend on its timing.
        var open = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
            WITH expired AS (DELETE FROM idempotency_keys WHERE tin = @Tin AND key = @Key AND created_at < @ExpiredBefore)
            {CountOpen} AND key <> @Key
            """, new { Tin = tin, Key = key, ExpiredBefore = expiredBefore }, cancellationToken: cancellationToken));
        if (open >= quotas.OpenIdempotencyKeysPerTenant)
        {
            throw Quota.Exceeded($"Idempotency-Keys kept at once ({quotas.OpenIdempotencyKeysPerTenant})", "Esf:Quotas:OpenIdempotencyKeysPerTenant");
        }

        var claimed = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO idempotency_keys (tin, key, request_hash, created_at) VALUES (@Tin, @Key, @RequestHash, @Now) ON CONFLICT DO NOTHING
            """, new { Tin = tin, Key = key, RequestHash = requestHash, Now = clock.GetUtcNow() }, cancellationToken: cancellationToken));
        if (claimed == 1)
        {
            return null;
        }

        var earlier = await connection.QuerySingleAsync<(string RequestHash, string? Response)>(new CommandDefinition(
            "SELECT request_hash, response::text FROM idempotency_keys WHERE tin = @Tin AND key = @Key",
            new { Tin = tin, Key = key }, cancellationToken: cancellationToken));
        if (earlier.RequestHash != requestHash || earlier.Response is null)
        {
            throw EsfException.IdempotencyKeyReused(key);
        }

        return JsonSerializer.Deserialize<UploadResult>(earlier.Response);
    }

    internal static Task CompleteAsync(NpgsqlConnection connection, string tin, string key, UploadResult result, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE idempotency_keys SET response = @Response::jsonb WHERE tin = @Tin AND key = @Key",
            new { Tin = tin, Key = key, Response = JsonSerializer.Serialize(result) }, cancellationToken: cancellationToken));
}
