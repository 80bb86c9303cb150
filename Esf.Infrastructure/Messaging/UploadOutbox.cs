using Dapper;
using Npgsql;

namespace Esf.Infrastructure.Messaging;

/// <summary>
/// Every statement on <c>uploads</c>, the outbox record of ADR 0002, in one place. An upload row goes through:
/// inserted with its invoices (<see cref="InsertAsync"/>) → published (<see cref="MarkPublishedAsync"/>, by the gateway after
/// commit or by the relay) → claimed by a worker (<see cref="TryClaimAsync"/>, renewed by <see cref="RenewAsync"/> while it
/// works) → finished in the transaction that wrote its last verdicts (<see cref="FinishAsync"/>). The relay reads the uploads
/// whose message may be lost (<see cref="DueForRelayAsync"/>).
/// </summary>
internal static class UploadOutbox
{
    // One per worker process: a retry of the same delivery in this process renews its claim without counting a new one.
    private static readonly string Process = Guid.NewGuid().ToString("N");

    /// <summary>The upload row, inside the upload transaction; one without accepted documents needs no message and counts as published.</summary>
    /// <param name="kind">Which documents the upload holds (ADR 0024): <see cref="UploadKinds"/>.</param>
    public static Task<long> InsertAsync(
        NpgsqlConnection connection, string sessionId, string tin, string login, string channel, int itemCount, int acceptedCount, string kind,
        CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO uploads (session_id, tin, login, channel, item_count, accepted_count, published_at, document_kind)
            VALUES (@SessionId, @Tin, @Login, @Channel, @ItemCount, @AcceptedCount, CASE WHEN @AcceptedCount = 0 THEN now() END, @Kind)
            RETURNING upload_id
            """, new { SessionId = sessionId, Tin = tin, Login = login, Channel = channel, ItemCount = itemCount, AcceptedCount = acceptedCount, Kind = kind },
            cancellationToken: cancellationToken));

    /// <summary>Records one more publication of each upload (the relay's backoff counts them).</summary>
    public static Task MarkPublishedAsync(NpgsqlConnection connection, IReadOnlyList<long> uploadIds, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE uploads SET published_at = now(), publish_count = publish_count + 1 WHERE upload_id = ANY(@Ids)",
            new { Ids = uploadIds.ToArray() }, cancellationToken: cancellationToken));

    /// <summary>
    /// The unfinished uploads the relay must act on, locked (<c>FOR UPDATE SKIP LOCKED</c>, so several relays share them) in the
    /// caller's transaction. Due: never published; claimed <paramref name="maxAttempts"/> times and the last claim older than the
    /// grace (give up); or the last publication and claim both older than the backoff, grace × 2^min(n−1, <paramref name="maxExponent"/>).
    /// A fresh claim means a worker is on it.
    /// </summary>
    /// <param name="onlyUpload">Only this upload (tests on a shared database); null: every due upload, at most 100.</param>
    public static async Task<IReadOnlyList<DueUpload>> DueForRelayAsync(
        NpgsqlConnection connection, long? onlyUpload, TimeSpan grace, int maxAttempts, int maxExponent, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<DueUpload>(new CommandDefinition("""
            SELECT upload_id AS UploadId, publish_count AS PublishCount, claim_count AS ClaimCount, document_kind AS Kind FROM uploads
            WHERE finished_at IS NULL AND accepted_count > 0 AND (@Only::bigint IS NULL OR upload_id = @Only)
              AND received_at < now() - @Grace
              AND (claimed_at IS NULL OR claimed_at < now() - @Grace)
              AND (published_at IS NULL
                   OR claim_count >= @MaxAttempts
                   OR GREATEST(published_at, claimed_at) < now() - @Grace * power(2, LEAST(GREATEST(publish_count - 1, 0), @MaxExponent)))
            ORDER BY upload_id LIMIT 100
            FOR UPDATE SKIP LOCKED
            """, new { Only = onlyUpload, Grace = grace, MaxAttempts = maxAttempts, MaxExponent = maxExponent }, cancellationToken: cancellationToken))];

    /// <summary>
    /// Claims the unfinished upload for one delivery, unless another delivery claimed it less than <paramref name="lease"/> ago:
    /// one row instead of an IN_PROCESSING version of every invoice. The claim commits on its own, before the work, so
    /// <c>claim_count</c> counts deliveries that took the upload even when the worker then dies; the relay fails the invoices
    /// with API-06 only after RelayMaxAttempts such claims. Exactly-once does not rest on the claim (the verdicts lock the
    /// invoices and check their status): it only keeps concurrent deliveries of one upload from doing the work twice.
    /// </summary>
    /// <returns>The claim (when the upload was stored, for the registration-latency histogram; the uploading enterprise; the kind of
    /// its documents); null when it is finished already or in another worker's hands (if that worker died, the relay republishes
    /// after the lease).</returns>
    public static async Task<UploadClaim?> TryClaimAsync(
        NpgsqlConnection connection, long uploadId, string deliveryId, TimeSpan lease, CancellationToken cancellationToken)
    {
        // Concurrent claimers queue on the row lock; the second re-reads the committed claim and takes nothing.
        var claim = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition("""
            UPDATE uploads SET claimed_at = now(), claim_token = @Token,
                claim_count = claim_count + CASE WHEN claim_token IS DISTINCT FROM @Token THEN 1 ELSE 0 END
            WHERE upload_id = @UploadId AND finished_at IS NULL
              AND (claimed_at IS NULL OR claimed_at < now() - @Lease OR claim_token = @Token)
            RETURNING received_at AS ReceivedAt, tin AS Tin, document_kind AS Kind
            """, new { Token = Token(deliveryId), UploadId = uploadId, Lease = lease }, cancellationToken: cancellationToken));
        return claim is { } c ? new UploadClaim(new DateTimeOffset(DateTime.SpecifyKind(c.ReceivedAt, DateTimeKind.Utc)), c.Tin, c.Kind) : null;
    }

    private sealed record ClaimRow(DateTime ReceivedAt, string Tin, string Kind);

    /// <summary>What a claim by this process for this delivery is recorded as (<c>claim_token</c>).</summary>
    public static string Token(string deliveryId) => $"{Process}:{deliveryId}";

    /// <summary>Keeps the claim recorded as <paramref name="token"/> fresh while its worker works (see <c>ClaimHeartbeat</c>).</summary>
    public static async Task RenewAsync(NpgsqlDataSource database, long uploadId, string token, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE uploads SET claimed_at = now() WHERE upload_id = @UploadId AND claim_token = @Token AND finished_at IS NULL",
            new { UploadId = uploadId, Token = token }, cancellationToken: cancellationToken));
    }

    /// <summary>Marks the upload finished, in the transaction that wrote the verdicts of its last unfinished invoices.</summary>
    public static Task FinishAsync(NpgsqlConnection connection, long uploadId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE uploads SET finished_at = now() WHERE upload_id = @UploadId AND finished_at IS NULL",
            new { UploadId = uploadId }, cancellationToken: cancellationToken));
}
