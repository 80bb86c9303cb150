using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Security;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Tickets;

/// <summary>
/// A gateway that trusts only a private test CA and knows its CRL, in which one certificate (<see cref="Revoked"/>) is listed.
/// </summary>
[SetUpFixture]
public sealed class TrustedGateway : SharedGateway<TrustedGateway>
{
    [SuppressMessage("Structure", "NUnit1032", Justification = "Made in BeforeStartAsync, which the base's [OneTimeSetUp] calls; disposed in the [OneTimeTearDown] below.")]
    private static TrustStoreFiles? s_trust;

    public static DevelopmentCertificateAuthority Authority => s_trust?.Authority ?? throw new InvalidOperationException("No test CA.");

    /// <summary>An AUTH certificate of a person (<see cref="RevokedIin"/>) that the CRL lists.</summary>
    public static X509Certificate2 Revoked { get; private set; } = null!;

    public static string RevokedIin { get; } = TestTenant.UniqueTin();

    /// <summary>A signing certificate of the same person, also listed in the CRL.</summary>
    public static X509Certificate2 RevokedSigning { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => s_trust!.Settings;

    protected override Task BeforeStartAsync()
    {
        s_trust = TrustStoreFiles.Create(authority =>
        {
            Revoked = authority.Issue("ОТОЗВАННЫЙ", RevokedIin, null, CertificatePurpose.Authentication);
            authority.Revoke(Revoked);
            RevokedSigning = authority.Issue("ОТОЗВАННЫЙ", RevokedIin, null, CertificatePurpose.Signing);
            authority.Revoke(RevokedSigning);
        });
        return Task.CompletedTask;
    }

    [OneTimeTearDown]
    public void DeleteTrustStore()
    {
        Revoked?.Dispose();
        RevokedSigning?.Dispose();
        s_trust?.Dispose();
    }
}
