using System.Text.Json;
using Dapper;
using Esf.Infrastructure.Errors;
using Npgsql;

namespace Esf.Infrastructure.Invoices;

/// <summary>
/// Idempotency-Key handling inside the upload transaction: the key is claimed by an insert (a concurrent twin waits on the
/// unique key, then reads the committed answer), and the answer is stored before the transaction commits.
/// </summary>
internal static class IdempotencyKeys
{
    /// <summary>Null when the key is new and now ours; otherwise the answer given to the first request with this key.</summary>
    public static async Task<UploadResult?> ClaimAsync(
        NpgsqlConnection connection, string tin, string key, string requestHash, CancellationToken cancellationToken)
    {
        var claimed = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO idempotency_keys (tin, key, request_hash) VALUES (@Tin, @Key, @RequestHash) ON CONFLICT DO NOTHING
            """, new { Tin = tin, Key = key, RequestHash = requestHash }, cancellationToken: cancellationToken));
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

    public static Task CompleteAsync(NpgsqlConnection connection, string tin, string key, UploadResult result, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE idempotency_keys SET response = @Response::jsonb WHERE tin = @Tin AND key = @Key",
            new { Tin = tin, Key = key, Response = JsonSerializer.Serialize(result) }, cancellationToken: cancellationToken));
}
