using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Esf.Infrastructure.Messaging;

/// <summary>
/// One MassTransit configuration for every role: RabbitMQ when <see cref="EsfOptions.RabbitMq"/> is set, otherwise the in-memory
/// transport. MassTransit is configured once per process, so the host says here whether this process consumes (the worker).
/// </summary>
public static class MessagingSetup
{
    public static IServiceCollection AddEsfMessaging(this IServiceCollection services, EsfOptions options, bool consumeUploads)
    {
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            if (options.RabbitMqQuorumQueues)
            {
                bus.AddRabbitMqConfigureEndpointsCallback((_, _, endpoint) => endpoint.SetQuorumQueue());
            }
            if (consumeUploads)
            {
                bus.AddConsumer<ValidateUploadConsumer, ValidateUploadConsumerDefinition>();
            }

            if (string.IsNullOrWhiteSpace(options.RabbitMq))
            {
                bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
            }
            else
            {
                bus.UsingRabbitMq((context, transport) =>
                {
                    transport.Host(new Uri(options.RabbitMq));
                    transport.ConfigureEndpoints(context);
                });
            }
        });
        services.AddOptions<MassTransitHostOptions>().Configure(o => o.WaitUntilStarted = true);
        return services;
    }
}
