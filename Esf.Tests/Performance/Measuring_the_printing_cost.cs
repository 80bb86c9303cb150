using System.Diagnostics;
using System.Globalization;
using System.Net;
using Esf.Api.Journal;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Printing;
using Esf.Tests.Browser;
using Esf.Tests.Infrastructure;
using Esf.Tests.Pipeline;
using Esf.Tests.Printing;
using Microsoft.Playwright;
using NUnit.Framework;

namespace Esf.Tests.Performance;

/// <summary>
/// A measurement, not a check of behaviour (run it by name; docs/adr/0013 and BENCHMARKS.md quote it): the cost per printed
/// A4 page of the PDF (PDFsharp) and HTML forms, of Chromium's print-to-PDF of the same HTML (the engine not chosen), and
/// of journal pages and printed forms served under a concurrent load. Figures go to .esf/test/results/printing-cost.txt;
/// the assertions only make sure that what was timed succeeded.
/// </summary>
[TestFixture]
[Explicit("a measurement: run it by name")]
[Category("Performance")]
[NonParallelizable]
public sealed class Measuring_the_printing_cost
{
    private const int Renders = 20;
    private const int Clients = 8;
    private const int RequestsPerClient = 40;
    private static readonly Uri PublicBase = new("https://esf.example.kz/");
    private static readonly List<string> Lines = [];

    [OneTimeTearDown]
    public void Publish()
    {
        var path = Path.Combine(TestServices.RepositoryRoot, ".esf", "test", "results", "printing-cost.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.AppendAllLines(path, Lines.Prepend($"# {DateTimeOffset.UtcNow:u}, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}"));
    }

    [Test]
    public void Should_report_the_cost_per_page_of_the_pdf_and_html_forms()
    {
        foreach (var (name, invoice) in new[]
        {
            ("SDK sample (3 lines)", PrintableInvoices.Stored(PrintableInvoices.SdkSampleBody() ?? TestInvoices.Build("1", "15.11.2026", "111111111111", "444444444444"))),
            ("200 lines, 3 sellers", PrintableInvoices.Stored(PrintableInvoices.ThreeSellerBody())),
        })
        {
            var pages = PrintedText.PdfPages(InvoicePrinter.Print(invoice, PrintFormat.Pdf, PublicBase).Content).Count;
            var pdf = Measure(() => InvoicePrinter.Print(invoice, PrintFormat.Pdf, PublicBase));
            var html = Measure(() => InvoicePrinter.Print(invoice, PrintFormat.Html, PublicBase));
            Report($"{name}: {pages} A4 pages; PDF {PerPage(pdf, pages)}, {pdf.Bytes / 1024} KiB; HTML {PerPage(html, pages)}, {html.Bytes / 1024} KiB");
            Assert.That(pages, Is.Positive);
        }
    }

    [Test]
    [Category("Browser")]
    public async Task Should_report_the_cost_per_page_of_chromiums_print_to_pdf()
    {
        var invoice = PrintableInvoices.Stored(PrintableInvoices.ThreeSellerBody());
        var html = System.Text.Encoding.UTF8.GetString(InvoicePrinter.Print(invoice, PrintFormat.Html, PublicBase).Content);
        await using var chromium = await SystemChromium.LaunchAsync(PublicBase);
        var page = await chromium.Context.NewPageAsync();
        byte[] pdf = [];
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            await page.SetContentAsync(html);
            pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", Landscape = true, PrintBackground = true, PreferCSSPageSize = true });
        }

        var pages = PrintedText.PdfPages(pdf).Count;
        Report($"Chromium print-to-PDF of the 200-line HTML form: {pages} A4 pages, {watch.Elapsed.TotalMilliseconds / 5 / pages:F1} ms wall/page " +
            $"(browser process CPU not counted), {pdf.Length / 1024} KiB");
        Assert.That(pages, Is.Positive);
    }

    [Test]
    public async Task Should_report_the_cost_of_journal_pages_and_printed_forms_under_load()
    {
        // Private host: measured alone, without the other tests' load.
        await using var fixture = await GatewayFixture.StartAsync();
        var driver = await PipelineDriver.StartAsync(fixture);
        var ids = new List<long>();
        for (var batch = 0; batch < 4; batch++)
        {
            var result = await driver.UploadAsync([.. Enumerable.Range(0, 250).Select(_ => driver.Item(TestInvoices.Build(driver.Tenant)))]);
            ids.AddRange(result.Accepted.Select(a => a.InvoiceId!.Value));
        }

        await driver.FinishedAsync(ids[^1], TimeSpan.FromMinutes(5));
        var cookie = $"{JournalSessionCookie.Name}={driver.Session.SessionId}";
        using var first = Client(fixture, cookie);
        var next = System.Text.RegularExpressions.Regex.Match(await first.GetStringAsync("journal"), "href=\"/(journal\\?cursor=[^\"]+)\"").Groups[1].Value;
        Assert.That(next, Is.Not.Empty, "the first page links to the next");
        var formPages = PrintedText.PdfPages(await first.GetByteArrayAsync($"journal/invoices/{ids[0]}/print?format=pdf")).Count;
        foreach (var (name, pages, path) in new (string, int, Func<int, string>)[]
        {
            ("journal list (50 rows, keyset page)", 1, _ => "journal"),
            ("journal list, next page by cursor", 1, _ => WebUtility.HtmlDecode(next)),
            ("invoice card", 1, n => $"journal/invoices/{ids[n % ids.Count]}"),
            ($"printed form PDF ({formPages} A4 pages)", formPages, n => $"journal/invoices/{ids[n % ids.Count]}/print?format=pdf"),
            ($"printed form HTML ({formPages} A4 pages when printed)", formPages, n => $"journal/invoices/{ids[n % ids.Count]}/print?format=html"),
        })
        {
            var (count, wall, cpu, latencies) = await LoadAsync(fixture, cookie, path);
            Report($"{name}: {count} requests by {Clients} clients in {wall.TotalSeconds:F1} s = {count / wall.TotalSeconds:F0}/s; " +
                $"p50 {Percentile(latencies, 0.5):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms; {cpu.TotalMilliseconds / count / pages:F1} ms CPU per page " +
                "(gateway and load in one process)");
        }
    }

    private static async Task<(int Count, TimeSpan Wall, TimeSpan Cpu, List<double> Latencies)> LoadAsync(GatewayFixture fixture, string cookie, Func<int, string> path)
    {
        using var warm = Client(fixture, cookie);
        (await warm.GetAsync(path(0))).EnsureSuccessStatusCode();
        var latencies = new List<double>();
        var process = Process.GetCurrentProcess();
        var (cpu, wall) = (process.TotalProcessorTime, Stopwatch.StartNew());
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            using var http = Client(fixture, cookie);
            for (var n = 0; n < RequestsPerClient; n++)
            {
                var timer = Stopwatch.StartNew();
                using var response = await http.GetAsync(path(client * RequestsPerClient + n));
                await response.Content.ReadAsByteArrayAsync();
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                lock (latencies)
                {
                    latencies.Add(timer.Elapsed.TotalMilliseconds);
                }
            }
        }));
        process.Refresh();
        return (Clients * RequestsPerClient, wall.Elapsed, process.TotalProcessorTime - cpu, latencies);
    }

    private static HttpClient Client(GatewayFixture fixture, string cookie)
    {
        var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = fixture.BaseAddress };
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return http;
    }

    private static (TimeSpan Cpu, TimeSpan Wall, long Bytes) Measure(Func<PrintedDocument> render)
    {
        render();
        var process = Process.GetCurrentProcess();
        var (cpu, wall) = (process.TotalProcessorTime, Stopwatch.StartNew());
        long bytes = 0;
        for (var i = 0; i < Renders; i++)
        {
            bytes = render().Content.Length;
        }

        process.Refresh();
        return ((process.TotalProcessorTime - cpu) / Renders, wall.Elapsed / Renders, bytes);
    }

    private static string PerPage((TimeSpan Cpu, TimeSpan Wall, long Bytes) cost, int pages) => string.Create(CultureInfo.InvariantCulture,
        $"{cost.Cpu.TotalMilliseconds / pages:F2} ms CPU/page ({cost.Wall.TotalMilliseconds / pages:F2} ms wall)");

    private static double Percentile(List<double> values, double p) => values.Order().ElementAt((int)Math.Min(values.Count - 1, p * values.Count));

    private static void Report(string line)
    {
        Lines.Add(line);
        TestContext.Out.WriteLine(line);
    }
}
