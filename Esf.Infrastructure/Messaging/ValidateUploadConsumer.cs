using Esf.Infrastructure.Messaging.Contracts;
using Esf.Infrastructure.Registration;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Esf.Infrastructure.Messaging;

/// <summary>Runs the control over one upload. Idempotent: a redelivered message finds the upload finished or claimed.</summary>
public sealed class ValidateUploadConsumer(InvoiceRegistrar registrar, ILogger<ValidateUploadConsumer> logger) : IConsumer<ValidateUpload>
{
    public async Task Consume(ConsumeContext<ValidateUpload> context)
    {
        // Every log line of this upload's processing carries its id (structured logs: the UploadId scope property).
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["UploadId"] = context.Message.UploadId });
        logger.LogDebug("Validating upload {UploadId}", context.Message.UploadId);
        await registrar.ProcessAsync(context.Message.UploadId, context.MessageId?.ToString(), context.CancellationToken);
    }
}
