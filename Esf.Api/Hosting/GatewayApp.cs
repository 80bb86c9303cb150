using Esf.Infrastructure;
using Esf.Infrastructure.Messaging;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Resilience;
using Microsoft.Extensions.Configuration.Memory;

namespace Esf.Api.Hosting;

/// <summary>
/// Builds the host for the configured roles: the gateway (SOAP, REST, Swagger, the web journal and /verify) and/or the worker
/// (the consumer and the relay), on the configured PostgreSQL or, when none is configured, a private cluster it starts itself.
/// </summary>
public static class GatewayApp
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>
    /// The exit code of a process whose configuration was refused, the reasons on standard error (EX_CONFIG of sysexits.h).
    /// </summary>
    public const int ConfigurationRefused = 78;

    /// <summary>One line per request is noise for an operator; warnings from the framework, information from us.</summary>
    private static readonly Dictionary<string, string?> QuietDefaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:MassTransit"] = "Warning",
    };

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            await using var app = await BuildAsync(args);
            await app.StartAsync();
            await StartupBanner.PrintAsync(app);
            await app.WaitForShutdownAsync();
            return 0;
        }
        catch (Exception e) when (OptionsSetup.Failures(e) is { Count: > 0 } failures)
        {
            await Console.Error.WriteLineAsync("esf: refusing to start, the configuration is not usable:");
            foreach (var failure in failures)
            {
                await Console.Error.WriteLineAsync("  - " + failure);
            }

            return ConfigurationRefused;
        }
    }

    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Lowest-priority defaults: every configured source overrides them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = QuietDefaults });
        configure?.Invoke(builder);
        builder.Services.AddEsfOptions(builder.Configuration);
        var options = OptionsSetup.ValidateBeforeStart(builder.Configuration, builder.Environment);
        var roles = options.RoleSet;
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var connectionString = await DatabaseSetup.ResolveAsync(builder, options);
        await TransientFaults.Startup.ExecuteAsync(async token => await DatabaseMigrator.MigrateAsync(connectionString, token));

        // The one place that decides what runs in this process.
        builder.Services.AddEsfCore(connectionString);
        builder.Services.AddEsfHttpLimits();
        builder.Services.AddEsfMessaging(options, consumeUploads: roles.HasFlag(EsfRoles.Worker));
        builder.Services.AddEsfHealthChecks();
        builder.Services.AddEsfTelemetry(options, builder.Configuration);
        if (roles.HasFlag(EsfRoles.Gateway))
        {
            builder.Services.AddEsfGateway();
        }

        if (roles.HasFlag(EsfRoles.Worker))
        {
            builder.Services.AddEsfWorker();
        }

        if (options.SeedDemo)
        {
            builder.Services.AddEsfDemo();
        }

        var app = builder.Build();
        // First, so that the rate limiter and the logs see the client's address, not the proxy's.
        app.UseForwardedHeaders();
        app.MapEsfHealthChecks();
        app.MapEsfMetrics(options);
        if (roles.HasFlag(EsfRoles.Gateway))
        {
            app.UseEsfGateway();
        }

        if (options.SeedDemo)
        {
            await DemoSetup.SeedAsync(app, options);
        }

        return app;
    }
}
