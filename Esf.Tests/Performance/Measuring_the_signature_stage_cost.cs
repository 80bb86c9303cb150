using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace Esf.Tests.Performance;

/// <summary>
/// A measurement, not a check of behaviour (run it by name): the worker's signature stage (read the body, judge the certificate,
/// verify) per invoice for uploads of 100 signed with one certificate, with the certificate parsed for every upload (before issue
/// 17, <c>per upload</c>) and parsed once per process (<see cref="ParsedCertificates"/>, <c>cached</c>). The two alternate
/// (A/B/A/B) so that other load on the machine affects both alike; with the bytes allocated per invoice. The figures go to NOTES-i17.md.
/// </summary>
[TestFixture]
[Explicit("a measurement: run it by name")]
[Category("Performance")]
public sealed class Measuring_the_signature_stage_cost
{
    private const int Batch = 100;
    private const int Uploads = 30;
    private const int Rounds = 4;

    [Test]
    public void Should_report_the_cpu_per_invoice_of_the_signature_stage()
    {
        using var trust = TrustStoreFiles.Create();
        var validator = new CertificateValidator(
            Options.Create(new SecurityOptions { TrustedCaPaths = [trust.Settings["Esf:Security:TrustedCaPaths:0"]!], CrlPaths = [trust.Settings["Esf:Security:CrlPaths:0"]!] }),
            TimeProvider.System, NullLogger<CertificateValidator>.Instance);
        using var signer = trust.Authority.Issue("ПОДПИСАНТ", "880101300123", "123456789021", CertificatePurpose.Signing);
        using var key = signer.GetRSAPrivateKey()!;
        var certificate = CertificateFactory.ToBase64(signer);
        var bodies = Enumerable.Range(0, Batch).Select(_ => TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, "123456789021", "123456789022")).ToArray();
        var signatures = bodies.Select(body => InvoiceSignatureVerifier.Sign(body, key)).ToArray();
        var shared = new ParsedCertificates(Options.Create(new EsfOptions()));

        (double Micros, double KiB) PerInvoice(Func<ParsedCertificates> cache)
        {
            var (cpu, allocated) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true));
            for (var upload = 0; upload < Uploads; upload++)
            {
                using var signers = new SignerKeys(validator, cache());
                Parallel.For(0, Batch, i => Assert.That(CheckedInvoice.Of(i, bodies[i], signatures[i], certificate, "COMPANY", signers).Signature.IsValid));
            }

            const int invoices = Uploads * Batch;
            return ((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / invoices,
                (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / invoices);
        }

        PerInvoice(() => shared);
        for (var round = 0; round < Rounds; round++)
        {
            var perUpload = PerInvoice(() => new ParsedCertificates(Options.Create(new EsfOptions())));
            var cached = PerInvoice(() => shared);
            TestContext.Out.WriteLine($"round {round + 1}: per upload {perUpload.Micros:F0} µs CPU/invoice, {perUpload.KiB:F1} KiB/invoice; "
                + $"cached {cached.Micros:F0} µs CPU/invoice, {cached.KiB:F1} KiB/invoice (body {bodies[0].Length} chars)");
        }
    }
}
