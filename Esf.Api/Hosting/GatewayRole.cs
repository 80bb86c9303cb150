using Esf.Api.Journal;
using Esf.Api.Rest;
using Esf.Api.Rest.Sandbox;
using Esf.Api.Soap;
using Esf.Infrastructure;

namespace Esf.Api.Hosting;

/// <summary>
/// The gateway role: the application services behind SOAP, REST and the web journal, the endpoints themselves and the rate
/// limits.
/// </summary>
public static class GatewayRole
{
    public static IServiceCollection AddEsfGateway(this IServiceCollection services)
    {
        services.AddEsfGatewayServices();
        services.AddSingleton<GatewayAddress>();
        services.AddSoapEndpoints();
        services.AddRestEndpoints();
        services.AddEsfRateLimiting();
        services.AddJournal();
        return services;
    }

    public static WebApplication UseEsfGateway(this WebApplication app)
    {
        app.UseSandboxScopeAndFaults();
        app.UseEsfRateLimiting();
        app.MapRestEndpoints();
        app.MapSoapEndpoints();
        app.MapJournal();
        return app;
    }
}
