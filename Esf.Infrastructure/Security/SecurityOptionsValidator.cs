using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Esf.Infrastructure.Security;

/// <summary>
/// Fails closed: outside the Development environment a process without a trust store refuses to start (security review H6),
/// because development trust accepts any self-signed certificate for logins, participant registrations and invoice
/// signatures. Both roles check certificates, so both refuse.
/// </summary>
public sealed class SecurityOptionsValidator(IHostEnvironment environment) : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options) => new OptionsFailures()
        .Require(options.ChecksChain || options.AllowsDevelopmentTrust(environment),
            $"No trust store is configured and the environment is {environment.EnvironmentName}: set Esf:Security:TrustedCaPaths:0, :1, … "
            + "to the НУЦ РК root and intermediate CA certificates and Esf:Security:CrlPaths:0, … to their CRLs "
            + "(docs/operations.md, production checklist). Only on a test machine, set Esf:Security:DevelopmentTrust=true "
            + "to accept self-signed certificates instead.")
        .Result;
}
