using Esf.Bench;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Performance;

/// <summary>
/// A measurement, not a check of behaviour (run it by name): the bench's in-process limit (<see cref="InProcessLimit"/>) on the
/// test PostgreSQL, without the services, for 2,000 of the bench's invoices of two senders; and, beside its certificate and verify
/// parts, what those parts measured before issue 17 kept the parsed certificate and its key (the certificate parsed for every
/// invoice, the key extracted from it for every check). CPU-bound parts on a shared machine are noisy: compare within one run.
/// </summary>
[TestFixture]
[Explicit("a measurement: run it by name")]
[Category("Performance")]
public sealed class Measuring_the_in_process_limit
{
    private const int Invoices = 2_000;

    [Test]
    public async Task Should_report_the_in_process_parts_and_limit()
    {
        await using var database = await ScratchDatabase.CreateAsync("limit");
        await DatabaseMigrator.MigrateAsync(database.ConnectionString, CancellationToken.None);
        var invoices = InvoiceFactory.CreateSigned(InvoiceFactory.CreateSenders(2), Invoices, 1);

        for (var round = 1; round <= 2; round++)
        {
            var limit = await InProcessLimit.MeasureAsync(invoices, 100, database.ConnectionString, InProcessLimit.Invoices, CancellationToken.None);
            var parsedEachTime = InProcessLimit.MicrosPerDocument(invoices, i =>
            {
                Assert.That(CertificateParser.TryParse(i.Sender.CertificateBase64, out var certificate));
                using (certificate)
                {
                    CertificateParser.Subject(certificate!);
                }
            });
            var certificates = invoices.Select(i => i.Sender).Distinct().ToDictionary(s => s, s => s.Certificate);
            var keyEachTime = InProcessLimit.MicrosPerDocument(invoices, i =>
                Assert.That(InvoiceSignatureVerifier.Verify(i.Body, i.Signature, certificates[i.Sender])));
            TestContext.Out.WriteLine($"round {round}: parse+XSD {limit.ParseMicros:F0} µs, certificate (cached) {limit.CertificateMicros:F1} µs "
                + $"(parsed each time {parsedEachTime:F0} µs), verify (key kept) {limit.VerifyMicros:F0} µs (key extracted each time {keyEachTime:F0} µs, "
                + $"bare RSA {limit.RsaOnlyMicros:F0} µs), COPY {limit.CopyMicros:F0} µs per invoice; limit {limit.InvoicesPerSecond:F0}/s "
                + $"(cores busy {limit.BusyShare:P0})");
        }
    }
}
