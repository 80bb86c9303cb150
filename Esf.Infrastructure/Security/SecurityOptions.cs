using Microsoft.Extensions.Hosting;

namespace Esf.Infrastructure.Security;

/// <summary>The <c>Esf:Security</c> section: which certificate authorities are trusted and which revocation lists apply.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Esf:Security";

    /// <summary>
    /// Files (DER or PEM) of the root and intermediate CA certificates a client certificate must chain to. When empty the process
    /// runs in development trust: dates and key usage are still checked, the chain and revocation are not (logged at start).
    /// Outside the Development environment an empty trust store refuses to start unless <see cref="DevelopmentTrust"/> is set.
    /// </summary>
    public string[] TrustedCaPaths { get; set; } = [];

    /// <summary>CRL files (DER or PEM) of those CAs; read at start (a file that cannot be used stops the start) and again when a file changes.</summary>
    public string[] CrlPaths { get; set; } = [];

    /// <summary>
    /// What to do with a certificate whose CA's CRL is past its nextUpdate: false (the default) refuses it with
    /// <c>OCSP_NOT_AVAILABLE</c>, as its revocation status is unknown; true accepts it and logs a warning.
    /// </summary>
    public bool AcceptStaleCrls { get; set; }

    /// <summary>
    /// Allow development trust (no trust store, self-signed certificates accepted) outside the Development environment: for test
    /// machines and benchmarks only, never for real taxpayers. Also needed there for <c>Esf:SeedDemo</c>.
    /// </summary>
    public bool DevelopmentTrust { get; set; }

    public bool ChecksChain => TrustedCaPaths.Length > 0;

    /// <summary>Whether the development-only certificate paths (development trust, the self-signed demo key) may run here.</summary>
    public bool AllowsDevelopmentTrust(IHostEnvironment environment) => DevelopmentTrust || environment.IsDevelopment();
}
