using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Sender = Esf.Bench.Sender;
using InvoiceFactory = Esf.Bench.InvoiceFactory;
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
/// A measurement, not a check of behaviour (run it by name): the worker's signature stage per invoice, on the bench's own
/// invoices (≈ 6.9 KB, ten product lines) in uploads of 100 signed with one certificate, as <see cref="InvoiceRegistrar"/> runs it
/// (<see cref="CheckedInvoice.Of"/> in parallel over a batch, one <see cref="SignerKeys"/> per batch, one
/// <see cref="ParsedCertificates"/> per process). Besides the whole stage on every core it measures its two parts alone on
/// one thread: reading the body (<see cref="StoredInvoiceReader"/>) and checking the signature (<see cref="SignerKeys.Check"/>,
/// the batch's certificate judged once). CPU is the process's (noisy on a shared machine); the bytes allocated per invoice
/// are exact for the one-thread parts and do not depend on the load. Rounds alternate so that load affects each alike.
/// </summary>
[TestFixture]
[Explicit("a measurement: run it by name")]
[Category("Performance")]
public sealed class Measuring_the_signature_stage_cost
{
    private const int Batch = 100;
    private const int Uploads = 20;
    private const int Rounds = 3;

    [Test]
    public void Should_report_the_cpu_per_invoice_of_the_signature_stage()
    {
        using var trust = TrustStoreFiles.Create();
        var validator = new CertificateValidator(
            Options.Create(new SecurityOptions { TrustedCaPaths = [trust.Settings["Esf:Security:TrustedCaPaths:0"]!], CrlPaths = [trust.Settings["Esf:Security:CrlPaths:0"]!] }),
            TimeProvider.System, NullLogger<CertificateValidator>.Instance);
        using var signer = trust.Authority.Issue("ПОДПИСАНТ", "880101300123", "123456789021", CertificatePurpose.Signing);
        var sender = new Sender(0, "123456789021", "123456789022", "880101300123", signer);
        var invoices = InvoiceFactory.CreateSigned([sender], Batch, 1);
        var certificate = sender.CertificateBase64;
        var cache = new ParsedCertificates(Options.Create(new EsfOptions()));

        void Stage()
        {
            for (var upload = 0; upload < Uploads; upload++)
            {
                using var signers = new SignerKeys(validator, cache);
                Parallel.For(0, Batch, i => Assert.That(
                    CheckedInvoice.Of(i, invoices[i].Body, invoices[i].Signature, certificate, "COMPANY", signers).Signature.IsValid));
            }
        }

        void Read()
        {
            for (var upload = 0; upload < Uploads; upload++)
            {
                for (var i = 0; i < Batch; i++)
                {
                    Assert.That(StoredInvoiceReader.Read(invoices[i].Body).Document, Is.Not.Null);
                }
            }
        }

        void Signature()
        {
            for (var upload = 0; upload < Uploads; upload++)
            {
                using var signers = new SignerKeys(validator, cache);
                for (var i = 0; i < Batch; i++)
                {
                    Assert.That(signers.Check(invoices[i].Body, invoices[i].Signature, certificate, "COMPANY")!.IsValid);
                }
            }
        }

        Stage();
        Read();
        Signature();
        // The batch's judgment alone (validity, purpose, chain, CRL), which the signature part pays once per upload.
        var parsed = cache.Get(certificate)!;
        var judge = Stopwatch.StartNew();
        for (var i = 0; i < Uploads; i++)
        {
            Assert.That(validator.Accepts(parsed.Certificate, CertificatePurpose.Signing));
        }

        TestContext.Out.WriteLine($"judging the certificate: {judge.Elapsed.TotalMicroseconds / Uploads:F0} µs wall per upload");
        for (var round = 0; round < Rounds; round++)
        {
            var stage = PerInvoice(Stage);
            var read = PerInvoice(Read);
            var signature = PerInvoice(Signature);
            TestContext.Out.WriteLine($"round {round + 1}: stage (all cores) {stage.Micros:F0} µs CPU, {stage.KiB:F1} KiB; "
                + $"read (1 thread) {read.Micros:F0} µs, {read.KiB:F1} KiB; signature (1 thread) {signature.Micros:F0} µs, {signature.KiB:F2} KiB "
                + $"per invoice (body {invoices[0].Body.Length} chars; certificates parsed {cache.Parses})");
        }
    }

    /// <summary>The process's CPU and the bytes allocated (all threads) per invoice of one call of <paramref name="work"/>.</summary>
    private static (double Micros, double KiB) PerInvoice(Action work)
    {
        GC.Collect();
        var (cpu, allocated) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true));
        work();
        const int invoices = Uploads * Batch;
        return ((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / invoices,
            (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / invoices);
    }
}
