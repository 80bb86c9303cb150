using Esf.Infrastructure.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Esf.Infrastructure;

/// <summary>
/// Refuses to start a process whose <c>Esf</c> section cannot work: an unknown role (<c>Esf:Roles=workr</c> would otherwise
/// start a process that serves only health checks), sizes and periods of 0 or less, a broker or OTLP address that is not an
/// absolute URI, and the demo seed (a known password, a self-signed key) outside development trust.
/// </summary>
public sealed class EsfOptionsValidator(IHostEnvironment environment, IOptions<SecurityOptions> security) : IValidateOptions<EsfOptions>
{
    public ValidateOptionsResult Validate(string? name, EsfOptions options) => new OptionsFailures()
        .Require(options.RoleSet != EsfRoles.None,
            $"Esf:Roles is «{options.Roles}»: name {EsfRoleNames.Gateway}, {EsfRoleNames.Worker} or both ({EsfRoleNames.Gateway},{EsfRoleNames.Worker}).")
        .Require(!string.IsNullOrWhiteSpace(options.DataDirectory), "Esf:DataDirectory must not be empty.")
        .Positive("Esf:MaxRequestBytes", options.MaxRequestBytes)
        .Positive("Esf:MaxInvoicesPerUpload", options.MaxInvoicesPerUpload)
        .Positive("Esf:CertificateCacheSize", options.CertificateCacheSize)
        .Positive("Esf:SessionIdleMinutes", options.SessionIdleMinutes)
        .Positive("Esf:RelayGraceSeconds", options.RelayGraceSeconds)
        .Positive("Esf:RelayMaxAttempts", options.RelayMaxAttempts)
        // The value is not repeated: a broker URI carries its password.
        .AbsoluteUriOrEmpty("Esf:RabbitMq", options.RabbitMq, "amqp://user:password@rabbitmq:5672/", "amqp", "amqps")
        .AbsoluteUriOrEmpty("Esf:Otlp:Endpoint", options.Otlp.Endpoint, "http://otel-collector:4317", "http", "https")
        .Require(options.AdminApiKey is null || options.AdminApiKey.Length >= EsfOptions.MinAdminApiKeyLength,
            $"Esf:AdminApiKey must be at least {EsfOptions.MinAdminApiKeyLength} characters (or unset, which disables the registry import).")
        .Require(options.ProcurementPortalKey is null || options.ProcurementPortalKey.Length >= EsfOptions.MinAdminApiKeyLength,
            $"Esf:ProcurementPortalKey must be at least {EsfOptions.MinAdminApiKeyLength} characters (or unset, which closes the ЭГЗ inbound API).")
        .Require(PublicBaseUrls.IsValid(options.PublicBaseUrl),
            "Esf:PublicBaseUrl must be an absolute http:// or https:// URI without query or fragment, such as https://esf.example.kz.")
        .Require(!string.IsNullOrWhiteSpace(options.PublicBaseUrl) || !options.RoleSet.HasFlag(EsfRoles.Gateway)
            || security.Value.AllowsDevelopmentTrust(environment),
            "Esf:PublicBaseUrl is not set: the confirmation links and the WSDL address are built from it, never from the Host header. "
            + $"Set it to the address clients reach the gateway at (the environment is {environment.EnvironmentName}).")
        .Networks("Esf:Metrics:AllowedNetworks", options.Metrics.AllowedNetworks)
        .Require(!options.SeedDemo || security.Value.AllowsDevelopmentTrust(environment),
            "Esf:SeedDemo=true creates a user with a published password and a self-signed signing key: it is allowed only in the "
            + $"Development environment or with Esf:Security:DevelopmentTrust=true (the environment is {environment.EnvironmentName}).")
        .Result;
}
