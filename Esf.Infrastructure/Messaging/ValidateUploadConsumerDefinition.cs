using MassTransit;
using Npgsql;

namespace Esf.Infrastructure.Messaging;

/// <summary>
/// Endpoint policy of the worker: a few uploads in parallel, and retries only for transient database failures and for a
/// number+date clash with a concurrent worker (the retry then sees the committed invoice and fails this one with A-02).
/// Anything else is not retried here: the message goes to the error queue and the relay takes the upload up again.
/// </summary>
public sealed class ValidateUploadConsumerDefinition : ConsumerDefinition<ValidateUploadConsumer>
{
    public ValidateUploadConsumerDefinition()
    {
        ConcurrentMessageLimit = Environment.ProcessorCount * 2;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ValidateUploadConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<NpgsqlException>(e => e.IsTransient
                || e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected });
            retry.Intervals(50, 200, 1_000, 3_000, 10_000);
        });
    }
}
