using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Esf.Domain.Employees;
using Esf.Infrastructure.Export;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Waybills;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using NUnit.Framework;
using static Esf.Tests.Rest.ProblemAssertions;

namespace Esf.Tests.Export;

/// <summary>
/// GET /api/v1/snt/export (issue 12 item 3, ADR 0031): the waybills of a search as an esf:sntContainer, JSON Lines or CSV, with
/// the invoice export's writers and rules (the container holds registered waybills only; every document is followed by the
/// cursor that resumes after it), and the waybills' tenant predicate.
/// </summary>
[TestFixture]
public sealed class Exporting_waybills
{
    private static GatewayFixture Fixture => ExportGateway.Fixture;

    [Test]
    public async Task Should_export_the_registered_waybills_in_a_container_that_matches_the_schema_and_reads_back_identically()
    {
        // Arrange
        var (parties, registered, failed) = await RegisteredAndFailedAsync();
        using var _ = parties;

        // Act
        var xml = await GetAsync(parties.Seller, "api/v1/snt/export?format=xml");

        // Assert
        var root = XElement.Parse(xml);
        var bodies = root.Element("sntSet")!.Elements().ToList();
        var cursors = root.Element("sntSet")!.Nodes().OfType<XComment>().Select(c => c.Value).ToList();
        var originals = await Task.WhenAll(registered.Select(id => BodyAsync(parties.Seller, id)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => Exporting_invoices.Validate(xml), Throws.Nothing, "the container matches SntContainer.xsd");
            Assert.That(root.Name, Is.EqualTo(XName.Get("sntContainer", "esf")));
            Assert.That(bodies.Zip(originals).All(p => XNode.DeepEquals(p.First, XElement.Parse(p.Second))), Is.True, "bodies read back identically");
            Assert.That(bodies, Has.Count.EqualTo(registered.Length), $"the FAILED waybill {failed} is not in the container");
            Assert.That(cursors, Is.EqualTo(registered.Select(id => $"cursor:{id}")));
        }
    }

    [Test]
    public async Task Should_export_json_lines_and_csv_rows_per_goods_line_with_every_status_and_resume_after_a_cursor()
    {
        // Arrange
        var (parties, registered, failed) = await RegisteredAndFailedAsync();
        using var _ = parties;

        // Act
        var lines = (await GetAsync(parties.Seller, "api/v1/snt/export?format=jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var resumed = (await GetAsync(parties.Seller, $"api/v1/snt/export?format=jsonl&after={lines[0].GetProperty("cursor").GetString()}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var csv = (await GetAsync(parties.Seller, "api/v1/snt/export?format=csv&status=NOT_VIEWED")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // Assert
        var goodsLines = XElement.Parse(await BodyAsync(parties.Seller, registered[0])).Element("productSet")!.Element("products")!.Elements().Count();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Select(l => (l.GetProperty("id").GetInt64(), l.GetProperty("status").GetString())),
                Is.EqualTo(new[] { (registered[0], "NOT_VIEWED"), (registered[1], "NOT_VIEWED"), (failed, "FAILED") }));
            Assert.That(lines[0].GetProperty("registrationNumber").GetString(), Has.Length.EqualTo(42));
            Assert.That(lines[0].GetProperty("body").GetString(), Does.Contain("<productSet>"));
            Assert.That(resumed, Has.Length.EqualTo(2), "resuming after the first cursor gives the rest");
            Assert.That(csv[0], Does.StartWith("waybillId,registrationNumber,status,num,date,waybillType").And.Contain(",tnvedCode,").And.EndWith(",cursor"));
            Assert.That(csv.Skip(1).Select(r => r.Split(',')[0]), Is.EqualTo(registered.SelectMany(id => Enumerable.Repeat($"{id}", goodsLines))),
                "one row per goods line of each registered waybill");
        }
    }

    [Test]
    public async Task Should_export_to_the_buyer_only_what_it_may_see_and_nothing_to_a_stranger()
    {
        // Arrange
        var (parties, registered, _) = await RegisteredAndFailedAsync();
        using var __ = parties;
        using var stranger = await RestClient.LogInAsync(Fixture);

        // Act
        var buyers = (await GetAsync(parties.Buyer, "api/v1/snt/export?format=jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt64());
        var strangers = await GetAsync(stranger, "api/v1/snt/export?format=jsonl");
        using var pdf = await parties.Seller.Http.GetAsync("api/v1/snt/export?format=pdf");

        // Assert
        Assert.That(buyers, Is.EqualTo(registered), "the buyer sees the registered waybills, never the FAILED one");
        Assert.That(strangers, Is.Empty);
        var problem = await AssertProblemAsync(pdf, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("xml, jsonl, csv"));
    }

    [Test]
    public async Task Should_refuse_an_unknown_status_as_the_search_does()
    {
        // Arrange
        using var client = await RestClient.LogInAsync(Fixture);

        // Act
        using var export = await client.Http.GetAsync("api/v1/snt/export?format=jsonl&status=PARCEL");
        using var search = await client.Http.GetAsync("api/v1/snt?status=PARCEL");

        // Assert
        var exportProblem = await AssertProblemAsync(export, HttpStatusCode.BadRequest);
        var searchProblem = await AssertProblemAsync(search, HttpStatusCode.BadRequest);
        Assert.That(exportProblem.GetProperty("detail").GetString(), Is.EqualTo("status «PARCEL» is not a waybill status."));
        Assert.That(searchProblem.GetProperty("detail").GetString(), Is.EqualTo(exportProblem.GetProperty("detail").GetString()));
    }

    // Three waybills, the FAILED one first: pages of 3 end on a full page (one more, empty, read ends the export); pages of 2 hold
    // one more than a page. The container leaves the FAILED one out of the first page, which must not end the export early.
    [TestCase(3, ExportFormat.JsonLines)]
    [TestCase(3, ExportFormat.Xml)]
    [TestCase(2, ExportFormat.JsonLines)]
    [TestCase(2, ExportFormat.Xml)]
    public async Task Should_export_every_waybill_once_when_they_fill_a_page_exactly_or_one_more(int batchSize, ExportFormat format)
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync(Fixture);
        var nobody = TestTenant.UniqueTin();
        var ids = await parties.UploadAcceptedAsync(
            parties.Body(b => (b.Customer.Tin, b.Consignee.Tin) = (nobody, nobody)), parties.Body(), parties.Body());
        foreach (var id in ids)
        {
            await parties.ProcessedAsync(id);
        }

        var exporter = new WaybillExporter(Fixture.Get<WaybillQueries>(), batchSize);
        var seller = new SessionContext("test", parties.Seller.Tenant.UserIin, parties.Seller.Tenant.SellerTin, "ENTERPRISE", "")
        {
            Authority = EmployeeAuthority.Head,
        };
        using var output = new MemoryStream();

        // Act
        var written = await exporter.WriteAsync(output, seller, new WaybillSearch(WaybillSide.Any, null, null, null, 0, 1), format, CancellationToken.None);

        // Assert
        var text = System.Text.Encoding.UTF8.GetString(output.ToArray());
        var cursors = format == ExportFormat.Xml
            ? XElement.Parse(text).Element("sntSet")!.Nodes().OfType<XComment>().Select(c => c.Value).ToList()
            : [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => $"cursor:{JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt64()}")];
        var expected = format == ExportFormat.Xml ? ids[1..] : ids;
        Assert.That(cursors, Is.EqualTo(expected.Select(id => $"cursor:{id}")), text);
        Assert.That(written, Is.EqualTo(expected.Length));
    }

    [Test]
    public void Should_refuse_pages_larger_than_the_search_answers()
    {
        // A page the search clamps would never be full, and the export would end after it.
        Assert.That(() => new WaybillExporter(Fixture.Get<WaybillQueries>(), WaybillQueries.MaxPageSize + 1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    /// <summary>Two registered waybills and one FAILED (its buyer is no taxpayer) of a fresh seller to a fresh buyer.</summary>
    private static async Task<(WaybillRestDriver Parties, long[] Registered, long Failed)> RegisteredAndFailedAsync()
    {
        var parties = await WaybillRestDriver.StartAsync(Fixture);
        var nobody = TestTenant.UniqueTin();
        var ids = await parties.UploadAcceptedAsync(
            parties.Body(), parties.Body(), parties.Body(b => (b.Customer.Tin, b.Consignee.Tin) = (nobody, nobody)));
        foreach (var id in ids)
        {
            await parties.ProcessedAsync(id);
        }

        return (parties, ids[..2], ids[2]);
    }

    private static async Task<string> BodyAsync(RestClient client, long id)
    {
        using var response = await client.Http.GetAsync($"api/v1/snt/{id}");
        return (await RestClient.ReadJsonAsync(response)).GetProperty("body").GetString()!;
    }

    private static async Task<string> GetAsync(RestClient client, string url)
    {
        using var response = await client.Http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return text;
    }
}
