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
        services.AddHostedService<TrustMaterialLoader>();
        services.AddSingleton<AuthTickets>();
        services.AddSingleton<SignedSessions>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<Participants.PowersOfAttorney>();
        services.AddSingleton<Participants.IEmailSender, Participants.OutboxEmailSender>();
        services.AddSingleton<Participants.ParticipantRegistrations>();
        return services;
    }
}
