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
/// context carried through RabbitMQ), ASP.NET Core requests and Npgsql commands. Traces and metrics go over OTLP when an
/// endpoint is configured (<c>Esf:Otlp:Endpoint</c> or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>); metrics are also
/// served for Prometheus at <c>/metrics</c> when <c>Esf:Metrics:Prometheus</c> is true. With neither, nothing is collected
/// and the instruments cost nothing. (The worker's queue-depth gauge is sampled by the worker role, <c>AddEsfWorker</c>.)
/// </summary>
internal static class TelemetrySetup
{
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddEsfTelemetry(this IServiceCollection services, EsfOptions options, IConfiguration configuration)
    {
        var ours = options.Otlp.Endpoint;
        // The SDK's own key, not ours: read only to know whether to switch export on; the SDK reads it itself from configuration.
        var otlp = !string.IsNullOrWhiteSpace(ours) || !string.IsNullOrWhiteSpace(configuration[StandardEndpointVariable]);
        var prometheus = options.Metrics.Prometheus;
        if (!otlp && !prometheus)
        {
            return services;
        }

        // Only our key is copied: the standard variables (endpoint, protocol, per-signal paths) are the SDK's to read, and an
        // endpoint set in code would stop it appending /v1/traces and /v1/metrics over http/protobuf.
        void Exporter(OtlpExporterOptions exporter)
        {
            if (!string.IsNullOrWhiteSpace(ours))
            {
                exporter.Endpoint = new Uri(ours);
            }
        }
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService("esf", serviceInstanceId: Environment.MachineName + "/" + Environment.ProcessId)
                .AddAttributes([new KeyValuePair<string, object>("esf.roles", options.Roles)]))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(EsfMetrics.MeterName, "MassTransit").AddAspNetCoreInstrumentation();
                if (otlp)
                {
                    metrics.AddOtlpExporter(Exporter);
                }

                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(EsfActivities.SourceName, "MassTransit")
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddNpgsql()
                .AddOtlpExporter(Exporter));
        }

        return services;
    }

    /// <summary>
    /// <c>/metrics</c> in the Prometheus text format, on every role (the worker counts registrations), when enabled; only to
    /// clients in <c>Esf:Metrics:AllowedNetworks</c> when that is set. Routing ignores case and a trailing slash, and so does
    /// the check (<see cref="PathString.StartsWithSegments(PathString)"/>): <c>/METRICS</c> and <c>/metrics/</c> are refused alike.
    /// </summary>
    public static void MapEsfMetrics(this WebApplication app, EsfOptions options)
    {
        if (!options.Metrics.Prometheus)
        {
            return;
        }

        var allowed = options.Metrics.AllowedNetworks.Select(network => System.Net.IPNetwork.Parse(network)).ToList();
        if (allowed.Count > 0)
        {
            app.Use(async (http, next) =>
            {
                if (http.Request.Path.StartsWithSegments(MetricsPath)
                    && !(http.Connection.RemoteIpAddress is { } client && allowed.Any(network => network.Contains(client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client))))
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                await next(http);
            });
        }

        app.MapPrometheusScrapingEndpoint(MetricsPath);
    }

    private const string MetricsPath = "/metrics";
}
