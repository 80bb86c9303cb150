using Esf.Infrastructure;
using Esf.Infrastructure.Telemetry;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Esf.Api.Hosting;

/// <summary>
/// OpenTelemetry for both roles: our meter and spans (<c>Esf</c>), MassTransit's (<c>MassTransit</c>: publish, consume,
/// context carried through RabbitMQ), ASP.NET Core requests and Npgsql commands, exported over OTLP — only when an
/// endpoint is configured (<c>Esf:Otlp:Endpoint</c> or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>); otherwise
/// nothing is collected and the instruments cost nothing.
/// </summary>
internal static class TelemetrySetup
{
    public const string EndpointKey = "Esf:Otlp:Endpoint";
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddEsfTelemetry(this IServiceCollection services, IConfiguration configuration, EsfOptions options)
    {
        if (options.HasRole("worker"))
        {
            services.AddHostedService<QueueDepthSampler>();
        }

        var endpoint = configuration[EndpointKey] ?? configuration[StandardEndpointVariable];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }

        void Exporter(OtlpExporterOptions otlp) => otlp.Endpoint = new Uri(endpoint);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService("esf", serviceInstanceId: Environment.MachineName + "/" + Environment.ProcessId)
                .AddAttributes([new KeyValuePair<string, object>("esf.roles", options.Roles)]))
            .WithMetrics(metrics => metrics
                .AddMeter(EsfMetrics.MeterName, "MassTransit")
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(Exporter))
            .WithTracing(tracing => tracing
                .AddSource(EsfActivities.SourceName, "MassTransit")
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddNpgsql()
                .AddOtlpExporter(Exporter));
        return services;
    }
}
