using Npgsql;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// A worker's claim on an upload: one row in <c>uploads</c> instead of an IN_PROCESSING version of every invoice. The claim
/// commits on its own, before the work, so <c>claim_count</c> counts deliveries that took the upload even when the worker
/// then dies; <see cref="Messaging.UploadRelay"/> fails the invoices with API-06 only after RelayMaxAttempts such claims.
/// Exactly-once does not rest on the claim (the verdicts lock the invoices and check their status): the claim only keeps
/// concurrent deliveries of one upload from doing the work twice.
/// </summary>
internal static class UploadClaims
{
    // One per worker process: a retry of the same delivery in this process renews its claim without counting a new one.
    private static readonly string Process = Guid.NewGuid().ToString("N");

    /// <summary>
    /// Claims the unfinished upload unless another delivery claimed it less than <paramref name="lease"/> ago.
    /// False: finished already, or in another worker's hands (if that worker died, the relay republishes after the lease).
    /// </summary>
    public static async Task<bool> TryClaimAsync(
        NpgsqlConnection connection, long uploadId, string? deliveryId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var token = Token(deliveryId ?? Guid.NewGuid().ToString("N"));
        // Concurrent claimers queue on the row lock; the second re-reads the committed claim and takes nothing.
        await using var command = new NpgsqlCommand("""
            UPDATE uploads SET claimed_at = now(), claim_token = @Token,
                claim_count = claim_count + CASE WHEN claim_token IS DISTINCT FROM @Token THEN 1 ELSE 0 END
            WHERE upload_id = @UploadId AND finished_at IS NULL
              AND (claimed_at IS NULL OR claimed_at < now() - @Lease OR claim_token = @Token)
            """, connection);
        command.Parameters.AddWithValue("Token", token);
        command.Parameters.AddWithValue("UploadId", uploadId);
        command.Parameters.AddWithValue("Lease", lease);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>What a claim by this process for this delivery is recorded as (<c>claim_token</c>).</summary>
    public static string Token(string deliveryId) => $"{Process}:{deliveryId}";

    /// <summary>Marks the upload finished, in the transaction that wrote the verdicts of its last unfinished invoices.</summary>
    public static async Task FinishAsync(NpgsqlConnection connection, long uploadId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE uploads SET finished_at = now() WHERE upload_id = @UploadId AND finished_at IS NULL", connection);
        command.Parameters.AddWithValue("UploadId", uploadId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
