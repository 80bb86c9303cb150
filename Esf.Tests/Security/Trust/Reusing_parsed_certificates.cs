using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure;
using Esf.Domain.Rules;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace Esf.Tests.Security.Trust;

/// <summary>
/// Issue 17: each distinct signing certificate is parsed once per process (<see cref="ParsedCertificates"/>), while whether it
/// may sign (in date, unrevoked) is judged again for every batch, with the clock and the CRL of that moment.
/// </summary>
[TestFixture]
public sealed class Reusing_parsed_certificates
{
    private const int Invoices = 50;
    private TrustStoreFiles trust = null!;
    private ControlledClock clock = null!;
    private CertificateValidator validator = null!;
    private ParsedCertificates certificates = null!;

    [SetUp]
    public void StartWithATrustedCa()
    {
        trust = TrustStoreFiles.Create();
        clock = new ControlledClock(DateTimeOffset.UtcNow);
        validator = new CertificateValidator(
            Options.Create(new SecurityOptions { TrustedCaPaths = [CaPath], CrlPaths = [CrlPath] }), clock, NullLogger<CertificateValidator>.Instance);
        certificates = new ParsedCertificates(Options.Create(new EsfOptions()));
    }

    [TearDown]
    public void DeleteTheCa() => trust.Dispose();

    [Test]
    public void Batches_SignedWithOneCertificate_ParseItOnce()
    {
        using var signer = Issue(notAfter: null);

        var first = CheckBatch(signer);
        var second = CheckBatch(signer);

        Assert.That(first.Concat(second).All(c => c.Signature.IsValid), Is.True, "every signature verifies");
        Assert.That(certificates.Parses, Is.EqualTo(1), "one certificate, parsed once for both batches");
    }

    [Test]
    public void Certificate_RevokedAfterItWasParsed_IsRefusedInTheNextBatch()
    {
        using var signer = Issue(notAfter: null);
        Assert.That(CheckBatch(signer).All(c => c.Signature.IsValid), Is.True, "before the revocation");

        trust.Authority.Revoke(signer);
        trust.Authority.WriteTo(Path.GetDirectoryName(CrlPath)!);
        // The trust store is read again when a file's time changes: make sure it does, whatever the file system's resolution.
        File.SetLastWriteTimeUtc(CrlPath, DateTime.UtcNow.AddMinutes(1));

        Assert.That(CheckBatch(signer).Any(c => c.Signature.IsValid), Is.False, "the cached certificate is judged with the new CRL");
        Assert.That(certificates.Parses, Is.EqualTo(1));
    }

    [Test]
    public void Certificate_ExpiredAfterItWasParsed_IsRefusedInTheNextBatch()
    {
        using var signer = Issue(notAfter: clock.Now.AddHours(1));
        Assert.That(CheckBatch(signer).All(c => c.Signature.IsValid), Is.True, "while in date");

        clock.Now = clock.Now.AddHours(2);

        Assert.That(CheckBatch(signer).Any(c => c.Signature.IsValid), Is.False, "the cached certificate is judged at the new time");
        Assert.That(() => validator.Validate(certificates.Get(CertificateFactory.ToBase64(signer))!.Certificate, CertificatePurpose.Signing),
            Throws.InstanceOf<Esf.Infrastructure.Errors.EsfException>().With.Property("ErrorCode").EqualTo("CERTIFICATE_EXPIRED"));
        Assert.That(certificates.Parses, Is.EqualTo(1));
    }

    [Test]
    public void Batches_SignedWithOneRsaCertificate_ImportItsKeyOnce()
    {
        using var signer = Issue(notAfter: null);

        for (var batch = 0; batch < 3; batch++)
        {
            Assert.That(CheckBatchOnOneThread(signer).All(c => c.Signature.IsValid), Is.True);
        }

        Assert.That(certificates.Get(CertificateFactory.ToBase64(signer))!.KeyImports, Is.EqualTo(1),
            "the key is kept with the parsed certificate, not imported again for each batch");
    }

    [Test]
    public void Cache_Full_StartsAgainAndNeverHoldsMoreThanItsSize()
    {
        certificates = new ParsedCertificates(Options.Create(new EsfOptions { CertificateCacheSize = 2 }));
        var signers = Enumerable.Range(0, 5).Select(_ => Issue(notAfter: null)).ToList();
        try
        {
            foreach (var signer in signers.Concat(signers))
            {
                var parsed = certificates.Get(CertificateFactory.ToBase64(signer));
                Assert.That(parsed!.Certificate.Thumbprint, Is.EqualTo(signer.Thumbprint), "each lookup answers its own certificate");
                Assert.That(certificates.Count, Is.LessThanOrEqualTo(2));
            }

            Assert.That(certificates.Parses, Is.EqualTo(10), "five certificates in turn through a cache of two: each parsed again");
        }
        finally
        {
            signers.ForEach(s => s.Dispose());
        }
    }

    [Test]
    public void Certificate_NamingTheSameSubject_IsNotConfusedWithTheCachedOne()
    {
        // Two certificates of one holder from the trusted CA, and a self-signed one naming the same person and enterprise.
        var (iin, bin) = (TestTenant.UniqueTin(), TestTenant.UniqueTin());
        using var first = trust.Authority.Issue("ПОДПИСАНТ", iin, bin, CertificatePurpose.Signing, clock.Now.AddDays(-1), null);
        using var second = trust.Authority.Issue("ПОДПИСАНТ", iin, bin, CertificatePurpose.Signing, clock.Now.AddDays(-1), null);
        using var forged = CertificateFactory.Create("ПОДПИСАНТ", iin, bin);
        Assert.That(CheckBatch(first).All(c => c.Signature.IsValid), Is.True, "the first one cached and accepted");

        var body = TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, bin, "123456789022");
        using var firstKey = first.GetRSAPrivateKey()!;
        using var secondKey = second.GetRSAPrivateKey()!;
        using var forgedKey = forged.GetRSAPrivateKey()!;
        using var signers = new SignerKeys(validator, certificates);

        Assert.Multiple(() =>
        {
            Assert.That(Check(signers, body, InvoiceSignatureVerifier.Sign(body, secondKey), first).IsValid, Is.False,
                "signed with the second key, presented with the first certificate");
            Assert.That(Check(signers, body, InvoiceSignatureVerifier.Sign(body, firstKey), second).IsValid, Is.False,
                "signed with the first key, presented with the second certificate");
            Assert.That(Check(signers, body, InvoiceSignatureVerifier.Sign(body, secondKey), second).IsValid, Is.True, "each with its own");
            Assert.That(Check(signers, body, InvoiceSignatureVerifier.Sign(body, forgedKey), forged).IsValid, Is.False,
                "the self-signed look-alike verifies its own signature but is not accepted for signing");
            Assert.That(Check(signers, body, InvoiceSignatureVerifier.Sign(body, forgedKey), first).IsValid, Is.False,
                "nor does its key pass as the cached certificate's");
        });
        Assert.That(certificates.Parses, Is.EqualTo(3), "three distinct certificates, three entries");
    }

    [Test]
    public void GostCertificate_Cached_VerifiesItsSignaturesBatchAfterBatch()
    {
        var (certificate, key) = Esf.Tests.Security.Gost.KzGostTestPki.Legal("head");
        using (certificate)
        {
            var gostValidator = Esf.Tests.Security.Gost.KzGostTestPki.Validator(Esf.Tests.Security.Gost.KzGostTestPki.ValidAt);
            var body = TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, Esf.Tests.Security.Gost.KzGostTestPki.LegalEntityBin, "123456789022");
            var signature = InvoiceSignatureVerifier.Sign(body, key);
            var base64 = CertificateFactory.ToBase64(certificate);

            for (var batch = 0; batch < 2; batch++)
            {
                using var signers = new SignerKeys(gostValidator, certificates);
                Assert.That(signers.Check(body, signature, base64, "COMPANY")!.IsValid, Is.True, $"batch {batch + 1}");
                Assert.That(signers.Check(body.Replace("<num>", "<num>1"), signature, base64, "COMPANY")!.IsValid, Is.False, "another body");
            }

            Assert.That(certificates.Parses, Is.EqualTo(1));
        }
    }

    private static SignatureCheck Check(SignerKeys signers, string body, string signature, X509Certificate2 certificate) =>
        signers.Check(body, signature, CertificateFactory.ToBase64(certificate), "COMPANY")!;

    private string CaPath => trust.Settings["Esf:Security:TrustedCaPaths:0"]!;

    private string CrlPath => trust.Settings["Esf:Security:CrlPaths:0"]!;

    private X509Certificate2 Issue(DateTimeOffset? notAfter) => trust.Authority.Issue(
        "ПОДПИСАНТ", TestTenant.UniqueTin(), TestTenant.UniqueTin(), CertificatePurpose.Signing, clock.Now.AddDays(-1), notAfter);

    /// <summary>A batch checked invoice after invoice, so that no two checks need the key at once.</summary>
    private CheckedInvoice[] CheckBatchOnOneThread(X509Certificate2 signer)
    {
        using var key = signer.GetRSAPrivateKey()!;
        var certificate = CertificateFactory.ToBase64(signer);
        using var signers = new SignerKeys(validator, certificates);
        return [.. Enumerable.Range(0, 5).Select(i =>
        {
            var body = TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, "123456789021", "123456789022");
            return CheckedInvoice.Of(i, body, InvoiceSignatureVerifier.Sign(body, key), certificate, "COMPANY", signers);
        })];
    }

    /// <summary>A batch as the worker checks it: its invoices in parallel, with one <see cref="SignerKeys"/> for the batch.</summary>
    private CheckedInvoice[] CheckBatch(X509Certificate2 signer)
    {
        using var key = signer.GetRSAPrivateKey()!;
        var certificate = CertificateFactory.ToBase64(signer);
        var bodies = Enumerable.Range(0, Invoices).Select(_ => TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, "123456789021", "123456789022")).ToArray();
        var signatures = bodies.Select(body => InvoiceSignatureVerifier.Sign(body, key)).ToArray();
        var checkedInvoices = new CheckedInvoice[Invoices];
        using var signers = new SignerKeys(validator, certificates);
        Parallel.For(0, Invoices, i => checkedInvoices[i] = CheckedInvoice.Of(i, bodies[i], signatures[i], certificate, "COMPANY", signers));
        return checkedInvoices;
    }
}
