using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Security;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Trust;

/// <summary>
/// Issue 10's trust-store items: CRLs signed beyond RSA-SHA256 are read, and a CA file or CRL that cannot be used stops the
/// start with a message naming it, instead of a 500 on each request.
/// </summary>
[TestFixture]
public sealed class Loading_the_trust_store
{
    [TestCase("SHA384", "Pkcs1")]
    [TestCase("SHA512", "Pkcs1")]
    [TestCase("SHA256", "Pss")]
    [TestCase("SHA512", "Pss")]
    public void RsaCrl_SignedWithAHashBeyondSha256_IsReadAndListsItsRevocations(string hash, string padding)
    {
        using var key = RSA.Create(2048);
        var (authority, revoked) = Authority(new CertificateRequest("CN=RSA TEST CA, C=KZ", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        using (authority)
        {
            var der = Builder(revoked).Build(authority, BigInteger.One, DateTimeOffset.UtcNow.AddDays(1), new HashAlgorithmName(hash),
                padding == "Pss" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);

            var crl = CertificateRevocationList.Load(der, [authority]);

            Assert.That(crl.IsRevoked(revoked), Is.True);
        }
    }

    [TestCase("SHA256")]
    [TestCase("SHA384")]
    public void EcdsaCrl_WhenSignedByTheCa_IsRead(string hash)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var (authority, revoked) = Authority(new CertificateRequest("CN=EC TEST CA, C=KZ", key, HashAlgorithmName.SHA384));
        using (authority)
        {
            var der = Builder(revoked).Build(authority, BigInteger.One, DateTimeOffset.UtcNow.AddDays(1), new HashAlgorithmName(hash));

            Assert.That(CertificateRevocationList.Load(der, [authority]).IsRevoked(revoked), Is.True);
        }
    }

    [Test]
    public void Crl_WithOneFlippedBitInItsSignature_IsRefused()
    {
        using var key = RSA.Create(2048);
        var (authority, revoked) = Authority(new CertificateRequest("CN=RSA TEST CA, C=KZ", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        using (authority)
        {
            var der = Builder(revoked).Build(authority, BigInteger.One, DateTimeOffset.UtcNow.AddDays(1), HashAlgorithmName.SHA512, RSASignaturePadding.Pss);
            der[^5] ^= 0x01;

            Assert.That(() => CertificateRevocationList.Load(der, [authority]), Throws.InstanceOf<CryptographicException>());
        }
    }

    [Test]
    public async Task Should_refuse_to_start_when_a_configured_crl_file_is_missing()
    {
        using var authority = new DevelopmentCertificateAuthority();
        var directory = Directory.CreateTempSubdirectory("esf-trust-").FullName;
        try
        {
            var (caPath, _) = authority.WriteTo(directory);
            var missing = Path.Combine(directory, "missing.crl");

            var start = () => GatewayFixture.StartAsync(settings: new Dictionary<string, string?>
            {
                ["Esf:Security:TrustedCaPaths:0"] = caPath,
                ["Esf:Security:CrlPaths:0"] = missing,
            });

            var refusal = await ThrowsOnStartAsync(start);
            Assert.That(refusal, Is.InstanceOf<TrustMaterialException>());
            Assert.That(refusal!.Message, Does.Contain("Esf:Security:CrlPaths:0").And.Contain(missing));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task Should_refuse_to_start_when_a_crl_is_signed_by_no_trusted_ca()
    {
        using var trusted = new DevelopmentCertificateAuthority();
        using var stranger = new DevelopmentCertificateAuthority("SOMEONE ELSE'S CA");
        var directory = Directory.CreateTempSubdirectory("esf-trust-").FullName;
        try
        {
            var (caPath, _) = trusted.WriteTo(directory);
            var strangerCrl = Path.Combine(directory, "stranger.crl");
            await File.WriteAllBytesAsync(strangerCrl, stranger.BuildCrl());

            var refusal = await ThrowsOnStartAsync(() => GatewayFixture.StartAsync(settings: new Dictionary<string, string?>
            {
                ["Esf:Security:TrustedCaPaths:0"] = caPath,
                ["Esf:Security:CrlPaths:0"] = strangerCrl,
            }));

            Assert.That(refusal, Is.InstanceOf<TrustMaterialException>());
            Assert.That(refusal!.Message, Does.Contain(strangerCrl).And.Contain("not signed by a trusted CA"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<Exception?> ThrowsOnStartAsync(Func<Task<GatewayFixture>> start)
    {
        try
        {
            await (await start()).DisposeAsync();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static (X509Certificate2 Authority, X509Certificate2 Revoked) Authority(CertificateRequest request)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var leafKey = RSA.Create(2048);
        var leaf = new CertificateRequest("CN=REVOKED, C=KZ", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .Create(authority.SubjectName, X509SignatureGenerator.CreateForRSA(leafKey, RSASignaturePadding.Pkcs1),
                DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), [0x01, 0x23, 0x45]);
        return (authority, leaf);
    }

    private static CertificateRevocationListBuilder Builder(X509Certificate2 revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        builder.AddEntry(revoked, DateTimeOffset.UtcNow.AddMinutes(-5), X509RevocationReason.KeyCompromise);
        return builder;
    }
}
