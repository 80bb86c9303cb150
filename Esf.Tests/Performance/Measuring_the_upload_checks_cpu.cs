using System.Runtime.InteropServices;
using System.Text.Json;
using Esf.Api.Rest.Invoices;
using Esf.Bench;
using Esf.Infrastructure;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Xml;
using NUnit.Framework;

namespace Esf.Tests.Performance;

/// <summary>
/// A measurement, not a check of behaviour (run it by name): the gateway's upload checks taken apart into nested stages, on the
/// bench's own invoices (≈ 6.9 KB, ten lines), each stage run on this one thread over the same bodies: the CPU time of this
/// thread (CLOCK_THREAD_CPUTIME_ID, so other processes' load costs a stage only through the caches it shares, not the time it
/// waited for a core) and the bytes this thread allocated (exact), per invoice. Rounds alternate the stages; the minimum of the
/// rounds is the figure least touched by the machine's load, the median is printed beside it. The stages are the JSON binding
/// of an upload, the XML reader alone, + the XSD validator, the body read into the model (the gateway's parse+XSD), + the rules
/// (UploadChecks.Check), and the body's SHA-256. Run it in Release with the services' runtime settings
/// (DOTNET_TieredPGO=0 DOTNET_GCgen0size=0x4000000), as <see cref="Measuring_the_gateway_upload_cost"/> says.
/// </summary>
[TestFixture]
[Explicit("a measurement: run it by name")]
[Category("Performance")]
public sealed class Measuring_the_upload_checks_cpu
{
    private const int Invoices = 50;

    /// <summary>ESF_PERF_ROUNDS changes it; each round runs every stage over <see cref="Repeats"/> × 50 invoices.</summary>
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("ESF_PERF_ROUNDS"), out var r) ? r : 9;

    private const int Repeats = 20;

    [Test]
    public void Should_report_the_cpu_each_upload_check_costs_per_invoice()
    {
        using var certificate = CertificateFactory.Create("ЗАМЕР", "880101300123", "123456789021");
        var sender = new Sender(0, "123456789021", "123456789022", "880101300123", certificate);
        var documents = InvoiceFactory.CreateSigned([sender], Invoices, 1);
        var payload = new InvoiceScenario().RestUpload(sender, documents).Body;
        var bodies = documents.Select(d => (Utf8Body)d.Body).ToList();
        var items = documents.Select((d, i) => new UploadItem(bodies[i], "InvoiceV2", d.Signature, "COMPANY")).ToList();
        var x509 = new ParsedCertificates(Microsoft.Extensions.Options.Options.Create(new EsfOptions())).Get(sender.CertificateBase64)!.Certificate;

        // Counted, and asserted after the loops: an assertion inside would allocate in the measured window.
        var failures = 0;
        var stages = new (string Name, Action Run)[]
        {
            ("bind JSON (50 per upload)", () =>
            {
                var body = JsonSerializer.Deserialize<UploadInvoicesBody>(payload, JsonSerializerOptions.Web)!;
                failures += body.ToBatch().Items.Count - Invoices;
                body.ReleaseBodies();
            }),
            ("XML reader", () => bodies.ForEach(body => UploadReaders.ReadThrough(body, UploadReaders.Plain()))),
            ("+ XSD validator", () => bodies.ForEach(body => UploadReaders.ReadThrough(body, UploadReaders.Validating()))),
            ("body → model (parse+XSD)", () => bodies.ForEach(body => failures += InvoiceBodyReader.Read(body).Violations.Count)),
            ("+ rules (UploadChecks)", () => items.ForEach(item => failures += UploadChecks.Check(item, x509).Violations.Count)),
            ("SHA-256", () => bodies.ForEach(body => failures += Sha256Hex.Of(body.Bytes.Span).Length - 64)),
        };

        var figures = stages.ToDictionary(s => s.Name, _ => new List<(double Micros, double Bytes)>());
        foreach (var (_, run) in stages)
        {
            // Warm-up: tiered up before any round counts.
            for (var i = 0; i < 200; i++)
            {
                run();
            }
        }

        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (name, run) in stages)
            {
                GC.Collect();
                var (cpu, allocated) = (ThreadCpu.Now(), GC.GetAllocatedBytesForCurrentThread());
                for (var i = 0; i < Repeats; i++)
                {
                    run();
                }

                var perInvoice = (double)Repeats * Invoices;
                figures[name].Add(((ThreadCpu.Now() - cpu).TotalMicroseconds / perInvoice,
                    (GC.GetAllocatedBytesForCurrentThread() - allocated) / perInvoice));
            }
        }

        Assert.That(failures, Is.Zero, "the bench's invoices pass every check");
        TestContext.Out.WriteLine($"per invoice on one thread, {Rounds} rounds of {Repeats * Invoices} invoices: min / median µs of thread CPU, bytes allocated");
        foreach (var (name, _) in stages)
        {
            var runs = figures[name];
            var micros = runs.Select(f => f.Micros).Order().ToList();
            TestContext.Out.WriteLine($"  {name,-28} {micros[0],6:F1} / {micros[micros.Count / 2],6:F1} µs   {runs.Min(f => f.Bytes),8:F0} B");
        }
    }

    /// <summary>This thread's CPU time (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)).</summary>
    private static class ThreadCpu
    {
        private const int ClockThreadCpuTime = 3;

        public static TimeSpan Now()
        {
            if (clock_gettime(ClockThreadCpuTime, out var time) != 0)
            {
                throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
            }

            return TimeSpan.FromTicks((time.Seconds * 1_000_000_000L + time.Nanoseconds) / 100);
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int clock_gettime(int clock, out TimeSpec time);
    }
}
