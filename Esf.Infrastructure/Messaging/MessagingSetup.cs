using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Esf.Infrastructure.Messaging;

/// <summary>
/// One MassTransit configuration for every role: RabbitMQ when <see cref="EsfOptions.RabbitMq"/> is set, otherwise the in-memory
/// transport; the worker's consumer and the relay only where the worker role runs.
/// </summary>
public static class MessagingSetup
{
    public static IServiceCollection AddEsfMessaging(this IServiceCollection services, EsfOptions options)
    {
        var worker = options.HasRole("worker");
        services.AddSingleton<UploadPublisher>();
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            if (options.RabbitMqQuorumQueues)
            {
                bus.AddRabbitMqConfigureEndpointsCallback((_, _, endpoint) => endpoint.SetQuorumQueue());
            }
            if (worker)
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
        if (worker)
        {
            services.AddHostedService<UploadRelay>();
        }

        return services;
    }
}
