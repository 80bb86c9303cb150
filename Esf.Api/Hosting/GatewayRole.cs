using Esf.Api.Rest;
using Esf.Api.Soap;
using Esf.Infrastructure;

namespace Esf.Api.Hosting;

/// <summary>The gateway role: the application services behind SOAP and REST, the endpoints themselves and the rate limits.</summary>
public static class GatewayRole
{
    public static IServiceCollection AddEsfGateway(this IServiceCollection services)
    {
        services.AddEsfGatewayServices();
        services.AddSoapEndpoints();
        services.AddRestEndpoints();
        services.AddEsfRateLimiting();
        return services;
    }

    public static WebApplication UseEsfGateway(this WebApplication app)
    {
        app.UseEsfRateLimiting();
        app.MapRestEndpoints();
        app.MapSoapEndpoints();
        return app;
    }
}
