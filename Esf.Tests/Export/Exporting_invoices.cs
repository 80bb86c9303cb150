using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Esf.Infrastructure.Export;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using Esf.Tests.Lifecycle;
using NUnit.Framework;

namespace Esf.Tests.Export;

/// <summary>GET /api/v1/exports in its three formats, and resuming from a cursor found in the output.</summary>
[TestFixture]
public sealed class Exporting_invoices
{
    private static GatewayFixture Fixture => ExportGateway.Fixture;

    private static string IsoToday => DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Test]
    public async Task Should_export_a_container_that_matches_the_schema_and_reads_back_identically()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        long[] ids = [await parties.RegisterAsync(), await parties.RegisterAsync()];
        using var http = Client(parties.SellerSession.SessionId);

        // Act
        var xml = await GetAsync(http, $"api/v1/exports?format=xml&dateFrom={IsoToday}&dateTo={IsoToday}&sort=num&asc=true");

        // Assert
        var originals = await Task.WhenAll(ids.Select(parties.ReadAsync));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
        var read = InvoiceContainerReader.Read(stream).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => Validate(xml), Throws.Nothing, "the container matches InvoiceContainer.xsd");
            Assert.That(read.Select(r => r.Invoice.Element("num")!.Value), Is.EqualTo(originals.Select(o => o.Num).Order()));
            Assert.That(read.All(r => originals.Any(o => XNode.DeepEquals(XElement.Parse(o.Body), r.Invoice))), Is.True, "bodies read back identically");
            Assert.That(originals.Select(o => o.Body), Has.All.Matches<string>(body => xml.Contains(WithoutDeclaration(body!), StringComparison.Ordinal)),
                "each body is copied byte for byte, but for its declaration");
            Assert.That(read.Select(r => r.Cursor), Is.All.Not.Null);
        }
    }

    [Test]
    public async Task Should_export_json_lines_and_csv_rows_per_product_line_and_resume_after_a_cursor()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        await parties.RegisterAsync();
        await parties.RegisterAsync();
        using var http = Client(parties.SellerSession.SessionId);
        var query = $"dateFrom={IsoToday}&dateTo={IsoToday}&sort=num&asc=true";

        // Act
        var lines = (await GetAsync(http, $"api/v1/exports?format=jsonl&{query}")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var resumed = (await GetAsync(http, $"api/v1/exports?format=jsonl&{query}&cursor={lines[0].GetProperty("cursor").GetString()}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var csv = (await GetAsync(http, $"api/v1/exports?format=csv&{query}")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.Count.EqualTo(2));
            Assert.That(lines[0].GetProperty("body").GetString(), Does.StartWith("<v2:invoice"));
            Assert.That(resumed.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("num").GetString()),
                Is.EqualTo(new[] { lines[1].GetProperty("num").GetString() }));
            Assert.That(csv[0], Does.StartWith("invoiceId,registrationNumber,status,num,date,turnoverDate,invoiceType,sellerTin,customerTin,currencyCode,lineNumber,description"));
            Assert.That(csv, Has.Length.EqualTo(1 + 4), "a header and one row per product line (two per invoice)");
            Assert.That(csv[1], Does.Contain(",KZT,1,Бумага офисная А4 & картон,"));
        }
    }

    [Test]
    public async Task Should_neutralise_a_formula_planted_in_a_product_description_of_the_csv_export()
    {
        // Arrange: M3, a description a counterparty controls that a spreadsheet would run as a formula.
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        await parties.RegisterAsync(TestInvoices.Build(parties.Seller.Tenant)
            .Replace("Бумага офисная А4 &amp; картон", "=1+2*HYPERLINK(\"x\")", StringComparison.Ordinal));
        using var http = Client(parties.SellerSession.SessionId);

        // Act
        var csv = (await GetAsync(http, $"api/v1/exports?format=csv&dateFrom={IsoToday}&dateTo={IsoToday}")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(csv[1], Does.Contain(",1,\"'=1+2*HYPERLINK(\"\"x\"\")\","), "the cell starts with ' and is text");
            Assert.That(csv.Skip(1), Has.None.Contains(",=").And.None.Contains(",\"="), "no cell starts a formula");
        }
    }

    /// <summary>Reads <paramref name="xml"/> through the embedded schemas; throws at the first part that does not match.</summary>
    internal static void Validate(string xml)
    {
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = InvoiceSchemas.Set };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
    }

    private static string WithoutDeclaration(string body) =>
        body.StartsWith("<?xml", StringComparison.Ordinal) ? body[(body.IndexOf("?>", StringComparison.Ordinal) + 2)..] : body;

    private static HttpClient Client(string sessionId)
    {
        var http = Fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sessionId);
        return http;
    }

    private static async Task<string> GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return text;
    }
}
