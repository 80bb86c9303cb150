using Esf.Infrastructure.Messaging.Contracts;
using Esf.Infrastructure.Resilience;
using MassTransit;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Esf.Infrastructure.Messaging;

/// <summary>
/// Publishes the worker's command for an upload after its transaction committed, and records that it went out.
/// A failure here loses nothing: the upload stays unpublished and <see cref="UploadRelay"/> sends it later.
/// </summary>
public sealed class UploadPublisher(IBus bus, NpgsqlDataSource database, ILogger<UploadPublisher> logger)
{
    public async Task PublishAsync(long uploadId, CancellationToken cancellationToken)
    {
        try
        {
            // Transient broker/database errors are retried briefly (Polly); past 5 s the relay takes over.
            await TransientFaults.Publish.ExecuteAsync(
                async token => await bus.Publish(new ValidateUpload(uploadId), token), cancellationToken);
            await TransientFaults.Publish.ExecuteAsync(async token =>
            {
                await using var connection = await database.OpenConnectionAsync(token);
                await UploadOutbox.MarkPublishedAsync(connection, [uploadId], token);
            }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Upload {UploadId} is stored but its message was not published; the relay will publish it", uploadId);
        }
    }
}
