using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure;
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

    private string CaPath => trust.Settings["Esf:Security:TrustedCaPaths:0"]!;

    private string CrlPath => trust.Settings["Esf:Security:CrlPaths:0"]!;

    private X509Certificate2 Issue(DateTimeOffset? notAfter) => trust.Authority.Issue(
        "ПОДПИСАНТ", TestTenant.UniqueTin(), TestTenant.UniqueTin(), CertificatePurpose.Signing, clock.Now.AddDays(-1), notAfter);

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
