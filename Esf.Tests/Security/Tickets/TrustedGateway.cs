using Esf.Infrastructure.Security;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Tickets;

/// <summary>
/// A gateway that trusts only a private test CA and knows its CRL, in which one certificate (<see cref="Revoked"/>) is listed.
/// </summary>
[SetUpFixture]
public sealed class TrustedGateway
{
    private static GatewayFixture? s_fixture;
    private static DevelopmentCertificateAuthority? s_authority;
    private static string? s_directory;

    public static GatewayFixture Fixture => s_fixture ?? throw new InvalidOperationException("The trusted gateway did not start.");

    public static DevelopmentCertificateAuthority Authority => s_authority ?? throw new InvalidOperationException("No test CA.");

    /// <summary>An AUTH certificate of a person (<see cref="RevokedIin"/>) that the CRL lists.</summary>
    public static System.Security.Cryptography.X509Certificates.X509Certificate2 Revoked { get; private set; } = null!;

    public static string RevokedIin { get; } = TestTenant.UniqueTin();

    /// <summary>A signing certificate of the same person, also listed in the CRL.</summary>
    public static System.Security.Cryptography.X509Certificates.X509Certificate2 RevokedSigning { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        s_authority = new DevelopmentCertificateAuthority();
        Revoked = s_authority.Issue("ОТОЗВАННЫЙ", RevokedIin, null, CertificatePurpose.Authentication);
        s_authority.Revoke(Revoked);
        RevokedSigning = s_authority.Issue("ОТОЗВАННЫЙ", RevokedIin, null, CertificatePurpose.Signing);
        s_authority.Revoke(RevokedSigning);
        s_directory = Directory.CreateTempSubdirectory("esf-test-ca-").FullName;
        var (caPath, crlPath) = s_authority.WriteTo(s_directory);
        s_fixture = await GatewayFixture.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Esf:Security:TrustedCaPaths:0"] = caPath,
            ["Esf:Security:CrlPaths:0"] = crlPath,
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (s_fixture is not null)
        {
            await s_fixture.DisposeAsync();
        }

        Revoked?.Dispose();
        RevokedSigning?.Dispose();
        s_authority?.Dispose();
        if (s_directory is not null)
        {
            Directory.Delete(s_directory, recursive: true);
        }
    }
}
