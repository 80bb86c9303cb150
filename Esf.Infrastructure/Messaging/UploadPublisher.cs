using Dapper;
using Esf.Infrastructure.Messaging.Contracts;
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
            await bus.Publish(new ValidateUpload(uploadId), cancellationToken);
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE uploads SET published_at = now(), publish_count = publish_count + 1 WHERE upload_id = @UploadId",
                new { UploadId = uploadId }, cancellationToken: cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Upload {UploadId} is stored but its message was not published; the relay will publish it", uploadId);
        }
    }
}
