using Esf.Infrastructure.Security;

namespace Esf.Tests.Infrastructure;

/// <summary>
/// A private test CA written to a temporary folder as a trust store (<c>ca.cer</c>) with its CRL (<c>ca.crl</c>), and the
/// settings that configure it. Certificates to revoke are listed before the files are written.
/// </summary>
public sealed class TrustStoreFiles : IDisposable
{
    private readonly string directory;

    private TrustStoreFiles(DevelopmentCertificateAuthority authority, string directory, string caPath, string crlPath)
    {
        Authority = authority;
        this.directory = directory;
        Settings = new Dictionary<string, string?>
        {
            ["Esf:Security:TrustedCaPaths:0"] = caPath,
            ["Esf:Security:CrlPaths:0"] = crlPath,
        };
    }

    public DevelopmentCertificateAuthority Authority { get; }

    /// <summary><c>Esf:Security:TrustedCaPaths:0</c> and <c>Esf:Security:CrlPaths:0</c>.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <param name="prepare">Issues and revokes certificates with the new CA before its CRL is written.</param>
    public static TrustStoreFiles Create(Action<DevelopmentCertificateAuthority>? prepare = null)
    {
        var authority = new DevelopmentCertificateAuthority();
        prepare?.Invoke(authority);
        var directory = Directory.CreateTempSubdirectory("esf-test-ca-").FullName;
        var (caPath, crlPath) = authority.WriteTo(directory);
        return new TrustStoreFiles(authority, directory, caPath, crlPath);
    }

    public void Dispose()
    {
        Authority.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
