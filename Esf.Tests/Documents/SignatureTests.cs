using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Signatures;
using NUnit.Framework;

namespace Esf.Tests.Documents;

[TestFixture]
public sealed class SignatureTests
{
    [Test]
    public void Verify_WhenBodyIsSignedWithTheCertificatesKey_Succeeds()
    {
        using var certificate = CertificateFactory.Create("ТЕСТ", "870101300123", "123456789021");
        using var key = certificate.GetRSAPrivateKey()!;
        const string body = "<v2:invoice>Счёт &amp; товар</v2:invoice>";

        var signature = InvoiceSignatureVerifier.Sign(body, key);

        Assert.That(InvoiceSignatureVerifier.Verify(body, signature, certificate), Is.True);
        Assert.That(signature, Has.Length.LessThanOrEqualTo(400));
    }

    [Test]
    public void Verify_WhenOneCharacterOfTheBodyChanged_Fails()
    {
        using var certificate = CertificateFactory.Create("ТЕСТ", "870101300123", "123456789021");
        using var key = certificate.GetRSAPrivateKey()!;

        var signature = InvoiceSignatureVerifier.Sign("<a>1</a>", key);

        Assert.That(InvoiceSignatureVerifier.Verify("<a>2</a>", signature, certificate), Is.False);
    }

    [Test]
    public void Verify_WhenSignatureIsNotBase64_FailsWithoutThrowing()
    {
        using var certificate = CertificateFactory.Create("ТЕСТ", "870101300123", null);

        Assert.That(InvoiceSignatureVerifier.Verify("<a/>", "***", certificate), Is.False);
    }

    [Test]
    public void TryParse_WhenGivenBase64DerOrPem_ReadsTheNcaSubject()
    {
        using var certificate = CertificateFactory.Create("ТЕСТ", "870101300123", "123456789021");
        var der = CertificateFactory.ToBase64(certificate);
        var pem = certificate.ExportCertificatePem();

        Assert.That(CertificateParser.TryParse(der, out var fromDer), Is.True);
        Assert.That(CertificateParser.TryParse(pem, out var fromPem), Is.True);
        Assert.That(CertificateParser.Subject(fromDer), Is.EqualTo(new CertificateSubject("870101300123", "123456789021")));
        Assert.That(fromPem.Thumbprint, Is.EqualTo(fromDer.Thumbprint));
    }

    [Test]
    public void TryParse_WhenGivenGarbage_Fails() =>
        Assert.That(CertificateParser.TryParse("not a certificate", out _), Is.False);

    [Test]
    public void PasswordHasher_WhenVerifying_AcceptsOnlyTheSamePassword()
    {
        var hash = Esf.Infrastructure.Sessions.PasswordHasher.Hash("Secret123");

        Assert.That(Esf.Infrastructure.Sessions.PasswordHasher.Verify("Secret123", hash), Is.True);
        Assert.That(Esf.Infrastructure.Sessions.PasswordHasher.Verify("secret123", hash), Is.False);
        Assert.That(hash, Does.Not.Contain("Secret123"));
    }

    [Test]
    public void Sha256Hex_WhenComputed_IsSha256OfTheUtf8Bytes() =>
        Assert.That(Sha256Hex.Of("абв"),
            Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("абв")))));
}
