using Esf.Infrastructure.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Esf.Infrastructure.Security;

/// <summary>Certificate checks, ticket login and API keys.</summary>
public static class SecuritySetup
{
    public static IServiceCollection AddEsfSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section);
        services.AddSingleton<CertificateValidator>();
        services.AddSingleton<AuthTickets>();
        services.AddSingleton<SignedSessions>();
        services.AddSingleton<ApiKeyStore>();
        return services;
    }
}
