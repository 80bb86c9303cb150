using Esf.Bench;
using Esf.Domain.Rules;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Xml;
using NUnit.Framework;

namespace Esf.Tests.Performance;

/// <summary>
/// A measurement, not a check of behaviour (run it by name): what the gateway's upload checks allocate per invoice on the bench's
/// own invoices (≈ 6.9 KB, ten lines), counted on this thread alone (<see cref="GC.GetAllocatedBytesForCurrentThread"/>: exact,
/// whatever the machine's load): the body's parse+XSD into the model, and each document rule, the costliest first. The
/// gateway's allocations per invoice are what its gen0 collections, and so much of its CPU, follow
/// (<see cref="Measuring_the_gateway_upload_cost"/> shows the checks are nearly all of them).
/// </summary>
[TestFixture]
[Explicit("a measurement: run it by name")]
[Category("Performance")]
public sealed class Measuring_the_upload_checks_allocations
{
    private const int Invoices = 50;
    private const int Rounds = 3;

    [Test]
    public void Should_report_the_bytes_each_check_allocates_per_invoice()
    {
        using var certificate = CertificateFactory.Create("ЗАМЕР", "880101300123", "123456789021");
        var sender = new Sender(0, "123456789021", "123456789022", "880101300123", certificate);
        var bodies = InvoiceFactory.CreateSigned([sender], Invoices, 1).Select(d => (Utf8Body)d.Body).ToList();
        var documents = bodies.Select(b => InvoiceBodyReader.Read(b).Document!).ToList();

        var (read, plain, validated) = (0.0, 0.0, 0.0);
        var rules = new Dictionary<string, double>();
        // Counted, and asserted after the loops: an assertion inside would allocate in the measured window.
        var violations = 0;
        // Only the last round counts: the first ones warm up the code (tiering, static caches).
        for (var round = 0; round < Rounds; round++)
        {
            read = PerInvoice(() => bodies.ForEach(body => violations += InvoiceBodyReader.Read(body).Violations.Count));
            // parse+XSD taken apart: the XML reader alone, then with the XSD validator, both over every node without its text.
            plain = PerInvoice(() => bodies.ForEach(body => UploadReaders.ReadThrough(body, UploadReaders.Plain())));
            validated = PerInvoice(() => bodies.ForEach(body => UploadReaders.ReadThrough(body, UploadReaders.Validating())));
            foreach (var rule in RuleCatalogue.DocumentRules)
            {
                rules[rule.Definition.Id] = PerInvoice(() =>
                {
                    foreach (var document in documents)
                    {
                        foreach (var _ in rule.Check(document))
                        {
                            violations++;
                        }
                    }
                });
            }
        }

        Assert.That(violations, Is.Zero, "the bench's invoices pass every check");
        TestContext.Out.WriteLine($"per invoice on one thread: parse+XSD {read / 1024:F1} KiB (the XML reader {plain / 1024:F1}, "
            + $"+ the XSD validator {(validated - plain) / 1024:F1}, + the model and its values (no element tree since issue 17) {(read - validated) / 1024:F1}), "
            + $"{rules.Count} document rules {rules.Values.Sum() / 1024:F1} KiB");
        foreach (var (id, bytes) in rules.OrderByDescending(r => r.Value).Take(15))
        {
            TestContext.Out.WriteLine($"  {id,-8} {bytes,6:F0} B");
        }

        TestContext.Out.WriteLine($"  (the other {rules.Count - 15}: {rules.Values.OrderByDescending(b => b).Skip(15).Sum():F0} B)");
    }

    private static double PerInvoice(Action work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        work();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Invoices;
    }
}
