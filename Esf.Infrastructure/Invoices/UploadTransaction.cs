using Esf.Infrastructure.Messaging;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Invoices;

/// <summary>
/// The one transaction of an upload, whatever its documents (ADR 0024): the Idempotency-Key's first answer (a repeat gets it
/// back and stores nothing), the outbox row, the accepted documents, the declines of the upload log and the answer, then — after
/// commit — the one message to the worker.
/// </summary>
internal static class UploadTransaction
{
    /// <param name="kind">The documents of the upload (<see cref="UploadKinds"/>).</param>
    /// <param name="storeAccepted">Stores the accepted documents of the upload (its id given) and answers them, in request order.</param>
    /// <param name="beforeCommit">Runs in the transaction once the documents are stored: what must happen with the upload or not at
    /// all (a draft becomes its upload exactly once). Throwing rolls the upload back.</param>
    /// <returns>The answer, and whether it is the first answer to an earlier request with the same key (nothing stored now).</returns>
    public static async Task<(UploadResult Result, bool IsRepeat)> CommitAsync(
        NpgsqlConnection connection, UploadPublisher publisher, UploadRequest request, int acceptedCount, IReadOnlyList<UploadItemResult> declined,
        Func<long, Task<IReadOnlyList<UploadItemResult>>> storeAccepted,
        Func<NpgsqlConnection, UploadResult, CancellationToken, Task>? beforeCommit, TimeProvider clock, QuotaOptions quotas, CancellationToken cancellationToken)
    {
        var (session, batch, channel, kind, idempotencyKey, queuesDocuments) = request;
        var queued = queuesDocuments ? acceptedCount : 0;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var requestHash = idempotencyKey is null ? null : RequestHash.Of(batch);
        if (idempotencyKey is not null
            && await IdempotencyKeys.ClaimAsync(connection, session.Tin, idempotencyKey, requestHash!, clock, quotas, cancellationToken) is { } earlier)
        {
            return (earlier, true);
        }

        var uploadId = await UploadOutbox.InsertAsync(
            connection, session.SessionId, session.Tin, session.Login, channel, batch.Items.Count, queued, kind, cancellationToken);
        var accepted = await storeAccepted(uploadId);
        await UploadStore.InsertDeclinesAsync(connection, uploadId, declined, cancellationToken);
        var result = new UploadResult(uploadId, accepted, declined);
        if (idempotencyKey is not null)
        {
            await IdempotencyKeys.CompleteAsync(connection, session.Tin, idempotencyKey, result, cancellationToken);
        }

        if (beforeCommit is not null)
        {
            await beforeCommit(connection, result, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (queued > 0)
        {
            await publisher.PublishAsync(uploadId, cancellationToken);
        }

        return (result, false);
    }
}

/// <summary>Who uploads what: the session, the batch as sent, the channel ("SOAP" or "REST"), the kind of its documents and the Idempotency-Key.</summary>
/// <param name="QueuesDocuments">The accepted documents wait for the worker (false for an import: its invoices wait for their transfer).</param>
internal sealed record UploadRequest(
    SessionContext Session, UploadBatch Batch, string Channel, string Kind, string? IdempotencyKey, bool QueuesDocuments = true);
