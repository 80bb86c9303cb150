using System.IO.Compression;
using Deque.AxeCore.Playwright;
using Esf.Api.Journal;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using Esf.Tests.Lifecycle;
using Esf.Tests.Printing;
using Microsoft.Playwright;
using NUnit.Framework;

namespace Esf.Tests.Browser;

/// <summary>
/// The web journal in a real browser (Debian's Chromium through Playwright), in each of its three languages: log in with a
/// password and a certificate file, filter, open a card, download the printed form and a report, look at the upload log and
/// the queue, log out. Screenshots are kept under .esf/test/results/artefacts and checked (not blank, the expected text on
/// the page); axe finds no serious or critical accessibility violation on any page.
/// </summary>
[TestFixture]
[Category("Browser")]
[NonParallelizable]
public sealed class Watching_invoices_in_the_web_journal
{
    /// <summary>Set to 1 to refresh the README's screenshots (docs/images) from this run.</summary>
    private const string UpdateVariable = "ESF_UPDATE_SCREENSHOTS";

    private static GatewayFixture Fixture => BrowserGateway.Fixture;

    [TestCase("ru")]
    [TestCase("kk")]
    [TestCase("en")]
    public async Task Should_log_in_filter_open_a_card_and_download_the_printed_form_and_a_report(string language)
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        var registered = await parties.ReadAsync(await parties.RegisterAsync());
        await parties.RegisterAsync();
        var failed = await parties.ReadAsync(await parties.RegisterAsync(
            TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, parties.Seller.Tenant.SellerTin, TestTenant.UniqueTin())));
        await parties.Seller.UploadAsync(parties.Seller.Item(TestInvoices.Build(parties.Seller.Tenant), signature: "not base64!"));
        var (iin, certificateFile) = await JournalUserAsync(parties.Seller.Tenant.SellerTin);
        await using var chromium = await SystemChromium.LaunchAsync(Fixture.BaseAddress);
        var page = await chromium.Context.NewPageAsync();
        string T(string key) => JournalText.Get(key, language);

        // Act and assert: log in
        await page.GotoAsync($"journal/login?lang={language}");
        await CheckPageAsync(page, $"journal-login-{language}", [T("LoginTitle")]);
        var login = page.Locator("form[action='/journal/login']");
        await login.GetByLabel(T("Tin")).FillAsync(parties.Seller.Tenant.SellerTin);
        await login.GetByLabel(T("Iin")).FillAsync(iin);
        await login.GetByLabel(T("Password")).FillAsync(TestTenant.DefaultPassword);
        await login.GetByLabel(T("CertificateFile")).SetInputFilesAsync(certificateFile);
        await login.GetByRole(AriaRole.Button, new() { Name = T("LogIn") }).ClickAsync();
        await CheckPageAsync(page, $"journal-{language}", [T("Journal"), registered.RegistrationNumber!, failed.Num]);

        // filter
        await page.GetByRole(AriaRole.Textbox, new() { Name = T("RegistrationNumber"), Exact = true }).FillAsync(registered.RegistrationNumber!);
        await page.GetByRole(AriaRole.Button, new() { Name = T("Apply") }).ClickAsync();
        var rows = page.Locator("table.invoices tbody tr");
        Assert.That(await rows.CountAsync(), Is.EqualTo(1), "the filter leaves the one invoice");

        // open the card
        await rows.GetByRole(AriaRole.Link).ClickAsync();
        await CheckPageAsync(page, $"journal-card-{language}", [T("History"), T("Linked"), "Раздел A. Общий раздел", "Раздел L. Сведения по ЭЦП",
            registered.Num]);

        // download the printed form
        var pdf = await DownloadAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = T("PrintPdf") }).ClickAsync());
        Assert.That(string.Concat(PrintedText.PdfPages(pdf)), Does.Contain(registered.RegistrationNumber));

        // the printed form as a page, rendered to PNG
        await page.GotoAsync($"journal/invoices/{registered.InvoiceId}/print?format=html");
        await CheckPageAsync(page, "printed-form", ["ЭЛЕКТРОННЫЙ СЧЕТ-ФАКТУРА", registered.RegistrationNumber!], accessibility: false);

        // a report, downloaded as XLSX
        await page.GotoAsync("journal");
        await page.GetByLabel(T("GroupBy")).SelectOptionAsync("Status");
        await page.GetByRole(AriaRole.Button, new() { Name = T("BuildReport") }).ClickAsync();
        await CheckPageAsync(page, $"journal-report-{language}", [T("Report"), "CREATED", "FAILED"]);
        var workbook = await DownloadAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = T("DownloadXlsx") }).ClickAsync());
        using (var xlsx = new ZipArchive(new MemoryStream(workbook)))
        {
            var text = string.Concat(xlsx.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.Name.EndsWith(".xml", StringComparison.Ordinal))
                .Select(e => new StreamReader(e.Open()).ReadToEnd()));
            Assert.That(text, Does.Contain("CREATED").And.Contain("FAILED"), "the workbook holds the report's groups");
        }

        // the upload log and the queue
        await page.GotoAsync("journal/uploads");
        await CheckPageAsync(page, $"journal-uploads-{language}", [T("Uploads"), T("Declined"), "SIGNATURE"]);
        await page.GotoAsync("journal/queue");
        await CheckPageAsync(page, $"journal-queue-{language}", [T("RecentFailures"), failed.Num]);

        // log out: the session is closed, the journal asks for a login again
        await page.GetByRole(AriaRole.Button, new() { Name = T("LogOut") }).ClickAsync();
        await page.GotoAsync("journal");
        Assert.That(page.Url, Does.EndWith("/journal/login"));
    }

    /// <summary>
    /// A screenshot of the page, kept as an artefact and checked: not blank, the expected texts visible; then axe on the page
    /// (serious and critical violations fail the test).
    /// </summary>
    private static async Task CheckPageAsync(IPage page, string name, string[] expected, bool accessibility = true)
    {
        foreach (var text in expected)
        {
            Assert.That(await page.GetByText(text, new() { Exact = false }).First.IsVisibleAsync(), Is.True, $"«{text}» visible on {name} ({page.Url})");
        }

        var png = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = false });
        TestArtefacts.Save(name + ".png", png);
        if (name is "journal-en" or "printed-form" && Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(TestServices.RepositoryRoot, "docs", "images", name + ".png"), png);
        }

        var shot = Screenshot.Read(png);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(shot.InkShare, Is.InRange(0.01, 0.95), $"{name}: a page with content, not a blank or solid one");
            Assert.That(shot.Colours, Is.GreaterThan(20), $"{name}: text is drawn (anti-aliased glyphs have many shades)");
        }

        if (accessibility)
        {
            var axe = await page.RunAxe();
            var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
            Assert.That(serious, Is.Empty, $"axe on {name}");
        }
    }

    private static async Task<byte[]> DownloadAsync(IPage page, Func<Task> click)
    {
        var download = await page.RunAndWaitForDownloadAsync(click);
        return await File.ReadAllBytesAsync(await download.PathAsync());
    }

    /// <summary>A second user of the seller's enterprise (the first holds the API session), with a certificate file to log in with.</summary>
    private static async Task<(string Iin, string CertificateFile)> JournalUserAsync(string sellerTin)
    {
        var iin = TestTenant.UniqueTin();
        await Fixture.Get<RegistryWriter>().AddUserAsync(iin, TestTenant.DefaultPassword, sellerTin, "ADMIN_ENTERPRISE", "Айгерім", "Сапарова");
        using var certificate = CertificateFactory.Create("САПАРОВА АЙГЕРІМ", iin, sellerTin);
        var file = Path.Combine(TestArtefacts.Folder, $"user-{iin}.cer");
        Directory.CreateDirectory(TestArtefacts.Folder);
        await File.WriteAllBytesAsync(file, certificate.RawData);
        return (iin, file);
    }
}
