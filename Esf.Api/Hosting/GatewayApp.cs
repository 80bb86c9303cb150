using Esf.Api.Journal;
using Esf.Api.Rest;
using Microsoft.Extensions.Configuration.Memory;
using Esf.Api.Soap;
using Esf.Infrastructure;
using Esf.Infrastructure.Messaging;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Resilience;

namespace Esf.Api.Hosting;

/// <summary>
/// Builds the host for the configured roles: the gateway (SOAP, REST, Swagger, the web journal and /verify) and/or the worker (the consumer and the relay),
/// on the configured PostgreSQL or, when none is configured, a private cluster it starts itself.
/// </summary>
public static class GatewayApp
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>One line per request is noise for an operator; warnings from the framework, information from us.</summary>
    private static readonly Dictionary<string, string?> QuietDefaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:MassTransit"] = "Warning",
    };

    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = await BuildAsync(args);
        await app.StartAsync();
        await StartupBanner.PrintAsync(app);
        await app.WaitForShutdownAsync();
        return 0;
    }

    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Lowest-priority defaults: every configured source overrides them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = QuietDefaults });
        configure?.Invoke(builder);
        var options = builder.Configuration.GetSection(EsfOptions.Section).Get<EsfOptions>() ?? new EsfOptions();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        var connectionString = await DatabaseSetup.ResolveAsync(builder, options);
        await TransientFaults.Startup.ExecuteAsync(async token => await DatabaseMigrator.MigrateAsync(connectionString, token));

        builder.Services.AddOptions<EsfOptions>().Bind(builder.Configuration.GetSection(EsfOptions.Section));
        builder.Services.AddEsfPersistence(connectionString);
        builder.Services.AddEsfMessaging(options);
        builder.Services.AddEsfHealthChecks();
        builder.Services.AddEsfTelemetry(builder.Configuration, options);
        var gateway = options.HasRole("gateway");
        if (gateway)
        {
            builder.Services.AddSoapEndpoints();
            builder.Services.AddRestEndpoints();
            builder.Services.AddEsfRateLimiting(builder.Configuration);
            builder.Services.AddJournal(builder.Configuration);
        }

        var app = builder.Build();
        app.MapEsfHealthChecks();
        app.MapEsfMetrics();
        if (gateway)
        {
            app.UseEsfRateLimiting();
            app.MapRestEndpoints();
            app.MapSoapEndpoints();
            app.MapJournal();
        }

        if (options.SeedDemo)
        {
            await DemoSetup.SeedAsync(app, options);
        }

        return app;
    }
}
