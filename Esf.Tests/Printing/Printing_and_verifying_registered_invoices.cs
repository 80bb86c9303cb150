using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Esf.Tests.Infrastructure;
using Esf.Tests.Lifecycle;
using NUnit.Framework;

namespace Esf.Tests.Printing;

/// <summary>
/// GET /api/v1/invoices/{id}/print and exports?format=pdf over HTTP, and the public check behind the printed QR code:
/// /verify/{registrationNumber}?h=… confirms a registered invoice, says plainly when the hash was tampered with or the
/// number is unknown, and shows nothing beyond its few fields.
/// </summary>
[TestFixture]
public sealed partial class Printing_and_verifying_registered_invoices
{
    private static GatewayFixture Fixture => PrintingGateway.Fixture;

    private static string IsoToday => DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public async Task Should_print_a_registered_invoice_as_pdf_and_html_with_its_registration_number()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        var id = await parties.RegisterAsync();
        var invoice = await parties.ReadAsync(id);
        using var http = Client(parties.SellerSession.SessionId);

        // Act
        using var pdf = await http.GetAsync($"api/v1/invoices/{id}/print?format=pdf");
        using var html = await http.GetAsync($"api/v1/invoices/{id}/print?format=html");

        // Assert
        var pdfText = string.Concat(PrintedText.PdfPages(await pdf.Content.ReadAsByteArrayAsync()));
        var htmlText = PrintedText.Html(await html.Content.ReadAsStringAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(pdf.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(pdf.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo(invoice.RegistrationNumber + ".pdf"));
            Assert.That(html.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(html.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'; style-src 'sha256-"));
            foreach (var text in new[] { pdfText, htmlText })
            {
                Assert.That(text, Does.Contain(invoice.RegistrationNumber).And.Contain(invoice.Num).And.Contain(parties.Seller.Tenant.SellerTin)
                    .And.Contain(parties.Seller.Tenant.CustomerTin).And.Contain(PrintedText.Squeeze("Раздел L. Сведения по ЭЦП")));
            }
        }
    }

    [Test]
    public async Task Should_refuse_an_unknown_print_format_with_a_problem()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        var id = await parties.RegisterAsync();
        using var http = Client(parties.SellerSession.SessionId);

        // Act
        using var response = await http.GetAsync($"api/v1/invoices/{id}/print?format=docx");

        // Assert
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("FIELD_INVALID"));
        }
    }

    [Test]
    public async Task Should_verify_the_qr_link_of_a_registered_invoice_without_a_login_and_refuse_a_tampered_hash()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        var id = await parties.RegisterAsync();
        var invoice = await parties.ReadAsync(id);
        using var seller = Client(parties.SellerSession.SessionId);
        var printed = await seller.GetStringAsync($"api/v1/invoices/{id}/print?format=html");
        var link = WebUtility.HtmlDecode(VerifyLink().Match(printed).Groups[1].Value);
        var tampered = link[..^1] + (link[^1] == '0' ? '1' : '0');
        using var anyone = Fixture.CreateClient();

        // Act
        var genuine = await anyone.GetStringAsync(PathOf(link) + "&lang=en");
        var forged = await anyone.GetStringAsync(PathOf(tampered) + "&lang=en");
        using var json = new HttpRequestMessage(HttpMethod.Get, PathOf(link));
        json.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var jsonAnswer = await anyone.SendAsync(json);
        using var unknown = await anyone.GetAsync($"verify/ESF-{parties.Seller.Tenant.SellerTin}-20260101-99999999?lang=en");

        // Assert
        var facts = JsonDocument.Parse(await jsonAnswer.Content.ReadAsStringAsync()).RootElement;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(link, Does.StartWith(Fixture.BaseAddress + "verify/" + invoice.RegistrationNumber + "?h=" + invoice.Hash));
            Assert.That(genuine, Does.Contain("The hash of the signed document matches the QR code").And.Contain(invoice.Hash)
                .And.Contain(parties.Seller.Tenant.SellerTin).And.Contain(parties.Seller.Tenant.CustomerTin).And.Contain("41670.72"));
            Assert.That(genuine, Does.Not.Contain("Бумага офисная"), "verification shows no goods, names or addresses");
            Assert.That(forged, Does.Contain("does NOT match the registered invoice"));
            Assert.That(facts.GetProperty("hashMatches").GetBoolean(), Is.True);
            Assert.That(facts.GetProperty("status").GetString(), Is.EqualTo("CREATED"));
            Assert.That(facts.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[]
            {
                "registered", "registrationNumber", "status", "sellerTin", "customerTin", "date", "total", "hash", "hashMatches",
            }));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("No invoice with this registration number is registered."));
        }
    }

    [Test]
    public async Task Should_stream_a_zip_with_the_printed_form_of_each_invoice_found()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        long[] ids = [await parties.RegisterAsync(), await parties.RegisterAsync()];
        var invoices = await Task.WhenAll(ids.Select(parties.ReadAsync));
        using var http = Client(parties.SellerSession.SessionId);

        // Act
        using var response = await http.GetAsync($"api/v1/exports?format=pdf&dateFrom={IsoToday}&dateTo={IsoToday}", HttpCompletionOption.ResponseHeadersRead);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var texts = zip.Entries.ToDictionary(e => e.Name, e =>
        {
            using var entry = e.Open();
            using var copy = new MemoryStream();
            entry.CopyTo(copy);
            return string.Concat(PrintedText.PdfPages(copy.ToArray()));
        });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/zip"));
            Assert.That(response.Headers.TransferEncodingChunked, Is.True, "streamed as it is made, not buffered to learn its length");
            Assert.That(texts.Keys, Is.EquivalentTo(invoices.Select(i => i.RegistrationNumber + ".pdf")));
            Assert.That(invoices.All(i => texts[i.RegistrationNumber + ".pdf"].Contains(i.Num, StringComparison.Ordinal)), Is.True);
        }
    }

    private static HttpClient Client(string sessionId)
    {
        var http = Fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sessionId);
        return http;
    }

    private static string PathOf(string link) => new Uri(link).PathAndQuery.TrimStart('/');

    [GeneratedRegex("href=\"([^\"]*/verify/[^\"]*)\"")]
    private static partial Regex VerifyLink();
}
