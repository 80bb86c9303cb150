namespace Esf.Infrastructure.Security;

/// <summary>The <c>Esf:Security</c> section: which certificate authorities are trusted and which revocation lists apply.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Esf:Security";

    /// <summary>
    /// Files (DER or PEM) of the root and intermediate CA certificates a client certificate must chain to. When empty the gateway
    /// runs in development trust: dates and key usage are still checked, the chain and revocation are not (logged at start).
    /// </summary>
    public string[] TrustedCaPaths { get; set; } = [];

    /// <summary>CRL files (DER or PEM) of those CAs; re-read when a file changes.</summary>
    public string[] CrlPaths { get; set; } = [];

    public bool ChecksChain => TrustedCaPaths.Length > 0;
}
