using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Esf.Domain.Invoices;
using Esf.Infrastructure;
using Esf.Infrastructure.Feed;
using Esf.Infrastructure.Search;
using Esf.Infrastructure.Sessions;
using Esf.Tests.Infrastructure;
using Esf.Tests.Lifecycle;
using Esf.Tests.Soap;
using Microsoft.Extensions.Options;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Search;

/// <summary>queryInvoice, queryInvoiceByKey, the summaries and GET /api/v1/invoices over the wire, on a tenant of their own.</summary>
[TestFixture]
public sealed class Searching_invoices
{
    private static GatewayFixture Fixture => SearchGateway.Fixture;

    private static string Today => TestInvoices.Today;

    private static string IsoToday => DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Test]
    public async Task Should_refuse_a_period_over_one_quarter_with_the_real_message()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        using var soap = new RawSoapClient(Fixture.CreateClient());
        using var rest = Client(parties.SellerSession.SessionId);

        // Act
        var overSoap = await soap.PostAsync("InvoiceService", QueryInvoice(parties.SellerSession.SessionId, "2026-01-01T00:00:00", "2026-04-01T00:00:00"));
        var withinSoap = await soap.PostAsync("InvoiceService", QueryInvoice(parties.SellerSession.SessionId, "2026-01-01T00:00:00", "2026-03-31T23:59:59"));
        using var overRest = await rest.GetAsync("api/v1/invoices?dateFrom=2026-01-01&dateTo=2026-04-01");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(overSoap.FaultString, Is.EqualTo("Можно получить список СФ за период не более 1 квартала"));
            Assert.That((withinSoap.Status, withinSoap.Element("rsCount"), withinSoap.Element("lastBlock")), Is.EqualTo((HttpStatusCode.OK, "0", "true")));
            Assert.That(overRest.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(await overRest.Content.ReadAsStringAsync(), Does.Contain("не более 1 квартала"));
        }
    }

    [Test]
    public async Task Should_filter_by_direction_status_and_key_over_soap()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        using var soap = new RawSoapClient(Fixture.CreateClient());
        var num = TestTenant.UniqueNum();
        var confirmed = await parties.RegisterAsync(TestInvoices.Build(parties.Seller.Tenant, num));
        var other = await parties.RegisterAsync();
        await parties.ChangeAsync(parties.Customer, LifecycleOperation.Confirm, confirmed);
        var sessionId = parties.Customer.SessionId;

        // Act
        var inbound = await soap.PostAsync("InvoiceService", QueryInvoice(sessionId, $"{IsoToday}T00:00:00", $"{IsoToday}T23:59:59", "INBOUND", "DELIVERED"));
        var outbound = await soap.PostAsync("InvoiceService", QueryInvoice(sessionId, $"{IsoToday}T00:00:00", $"{IsoToday}T23:59:59", "OUTBOUND"));
        var byKey = await soap.PostAsync("InvoiceService", ByKey("queryInvoiceByKeyRequest", sessionId, num));
        var summaryByKey = await soap.PostAsync("InvoiceService", ByKey("queryInvoiceSummaryByKeyRequest", sessionId, num));
        var summaryById = await soap.PostAsync("InvoiceService", Envelopes.ById("queryInvoiceSummaryByIdRequest", sessionId, other));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That((inbound.Elements("invoiceId"), inbound.Element("currPage")), Is.EqualTo((new[] { $"{confirmed}" }, "1")), inbound.ToString());
            Assert.That(outbound.Element("rsCount"), Is.EqualTo("0"), "the customer issued nothing");
            Assert.That(byKey.Elements("invoiceId"), Is.EqualTo(new[] { $"{confirmed}" }), byKey.ToString());
            Assert.That((summaryByKey.Element("invoiceId"), summaryByKey.Element("num"), summaryByKey.Element("invoiceStatus")),
                Is.EqualTo(($"{confirmed}", num, "DELIVERED")), summaryByKey.ToString());
            Assert.That((summaryById.Element("invoiceId"), summaryById.Element("invoiceStatus")), Is.EqualTo(($"{other}", "CREATED")));
        }
    }

    [Test]
    public async Task Should_page_by_cursor_without_shifting_when_invoices_arrive_between_pages()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        var nums = new[] { "1000001", "1000002", "1000003", "1000004", "1000005" };
        foreach (var num in nums)
        {
            await parties.RegisterAsync(TestInvoices.Build(parties.Seller.Tenant, num));
        }

        using var rest = Client(parties.SellerSession.SessionId);
        var query = $"api/v1/invoices?dateFrom={IsoToday}&dateTo={IsoToday}&direction=OUTBOUND&sort=num&asc=true&limit=2";

        // Act
        var page1 = await GetJsonAsync(rest, query);
        await parties.RegisterAsync(TestInvoices.Build(parties.Seller.Tenant, "1000000"));
        var page2 = await GetJsonAsync(rest, $"{query}&cursor={page1.GetProperty("cursor").GetString()}");
        var page3 = await GetJsonAsync(rest, $"{query}&cursor={page2.GetProperty("cursor").GetString()}");
        var filtered = await GetJsonAsync(rest, $"api/v1/invoices?dateFrom={IsoToday}&dateTo={IsoToday}&num=1000003&totalWithTaxFrom=41670.72&currencyCode=KZT");
        var xml = await rest.GetStringAsync($"api/v1/invoices?dateFrom={IsoToday}&dateTo={IsoToday}&num=1000003&format=xml");

        // Assert
        string[] Nums(JsonElement page) => [.. page.GetProperty("invoices").EnumerateArray().Select(i => i.GetProperty("num").GetString()!)];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Nums(page1).Concat(Nums(page2)).Concat(Nums(page3)), Is.EqualTo(nums), "no row lost or repeated");
            Assert.That(page3.GetProperty("hasMore").GetBoolean(), Is.False);
            Assert.That(Nums(filtered), Is.EqualTo(new[] { "1000003" }));
            Assert.That(XDocument.Parse(xml).Root!.Elements("invoice").Select(e => e.Element("num")!.Value), Is.EqualTo(new[] { "1000003" }));
        }
    }

    [Test]
    public async Task Should_end_a_page_at_the_byte_budget_and_resume_from_its_cursor()
    {
        // Arrange: M7, a budget below one body, so every page holds exactly one invoice whatever the limit asked.
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        var nums = new[] { "2000001", "2000002", "2000003" };
        foreach (var num in nums)
        {
            await parties.RegisterAsync(TestInvoices.Build(parties.Seller.Tenant, num));
        }

        var session = await Fixture.Get<SessionService>().RequireAsync(parties.SellerSession.SessionId, CancellationToken.None);
        var search = new InvoiceSearch(Fixture.Get<NpgsqlDataSource>(), Options.Create(new QuotaOptions { MaxPageBytes = 1 }));
        var filter = new InvoiceFilter { Direction = InvoiceDirection.Outbound };

        // Act
        var pages = new List<SearchPage>();
        SearchCursor? cursor = null;
        do
        {
            pages.Add(await search.AfterAsync(session, filter, InvoiceSort.Num, true, cursor, 1000, CancellationToken.None));
            cursor = pages[^1].Next;
        }
        while (pages[^1].HasMore && pages.Count < 10);

        // Assert
        Assert.That(pages.Select(p => p.Invoices.Count), Is.All.EqualTo(1));
        Assert.That(pages.SelectMany(p => p.Invoices).Select(i => i.Num), Is.EqualTo(nums), "no row lost or repeated");
    }

    [Test]
    public async Task Should_refuse_a_cursor_of_another_sort_with_a_problem()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        await parties.RegisterAsync(TestInvoices.Build(parties.Seller.Tenant, "2000001"));
        await parties.RegisterAsync(TestInvoices.Build(parties.Seller.Tenant, "2000002"));
        using var rest = Client(parties.SellerSession.SessionId);
        var period = $"dateFrom={IsoToday}&dateTo={IsoToday}&direction=OUTBOUND&limit=1";
        var byNum = await GetJsonAsync(rest, $"api/v1/invoices?{period}&sort=num");

        // Act: a num cursor ("2000001") cast to the date sort's type
        using var response = await rest.GetAsync($"api/v1/invoices?{period}&sort=date&cursor={byNum.GetProperty("cursor").GetString()}");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a malformed request value is invalid input (ADR 0005)");
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("FIELD_INVALID").And.Contain("cursor"));
        }
    }

    [Test]
    public async Task Should_read_a_day_first_period_and_an_iso_period_alike()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        var id = await parties.RegisterAsync();
        using var rest = Client(parties.SellerSession.SessionId);

        // Act: 04.12.2026 was read month-first (12 April) and answered an empty list without a word.
        var dayFirst = await GetJsonAsync(rest, $"api/v1/invoices?dateFrom={Today}&dateTo={Today}&direction=OUTBOUND");
        var iso = await GetJsonAsync(rest, $"api/v1/invoices?dateFrom={IsoToday}&dateTo={IsoToday}&direction=OUTBOUND");

        // Assert
        long[] Ids(JsonElement page) => [.. page.GetProperty("invoices").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(dayFirst), Is.EqualTo(new[] { id }));
            Assert.That(Ids(iso), Is.EqualTo(new[] { id }));
        }
    }

    [TestCase("invoices", "12/03/2026")]
    [TestCase("invoices", "2026.12.03")]
    [TestCase("invoices", "3.12.2026")]
    [TestCase("exports", "12/03/2026")]
    [TestCase("reports?groupBy=status", "2026.12.03")]
    public async Task Should_refuse_a_period_date_of_another_format_naming_both_formats(string path, string date)
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        using var rest = Client(parties.SellerSession.SessionId);
        var separator = path.Contains('?') ? '&' : '?';

        // Act
        using var response = await rest.GetAsync($"api/v1/{path}{separator}dateFrom={Uri.EscapeDataString(date)}&dateTo={IsoToday}");

        // Assert
        var problem = await Rest.ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("FIELD_INVALID"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("dateFrom").And.Contain("dd.MM.yyyy").And.Contain("yyyy-MM-dd"));
        }
    }

    [Test]
    public async Task Should_write_every_date_of_an_invoice_in_iso()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        var id = await parties.RegisterAsync();
        using var rest = Client(parties.SellerSession.SessionId);

        // Act
        var invoice = await GetJsonAsync(rest, $"api/v1/invoices/{id}");
        var page = await GetJsonAsync(rest, $"api/v1/invoices?dateFrom={IsoToday}&dateTo={IsoToday}&direction=OUTBOUND");

        // Assert: the body stays as signed (day first, as ESF writes it); every other date is ISO.
        var dayFirst = new System.Text.RegularExpressions.Regex(@"\d{2}\.\d{2}\.\d{4}");
        string[] DayFirstValues(JsonElement json) => [.. json.EnumerateObject()
            .Where(p => p.Name != "body" && p.Value.ValueKind == JsonValueKind.String && dayFirst.IsMatch(p.Value.GetString()!))
            .Select(p => $"{p.Name}={p.Value}")];
        using (Assert.EnterMultipleScope())
        {
            Assert.That((invoice.GetProperty("date").GetString(), invoice.GetProperty("turnoverDate").GetString()), Is.EqualTo((IsoToday, IsoToday)));
            Assert.That(DayFirstValues(invoice), Is.Empty);
            Assert.That(DayFirstValues(page.GetProperty("invoices")[0]), Is.Empty);
        }
    }

    [Test]
    public async Task Should_refuse_a_period_ending_in_the_future_with_the_real_message()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        using var rest = Client(parties.SellerSession.SessionId);
        var inTwoDays = DateTime.UtcNow.AddHours(5).AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Act
        using var response = await rest.GetAsync($"api/v1/invoices?dateFrom={IsoToday}&dateTo={inTwoDays}");

        // Assert
        var problem = await Rest.ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(Esf.Infrastructure.Search.PeriodLimit.FutureMessage));
    }

    private static HttpClient Client(string sessionId)
    {
        var http = Fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sessionId);
        return http;
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string QueryInvoice(string sessionId, string from, string to, string direction = "OUTBOUND", string? status = null) =>
        Envelopes.Envelope(
            $"<esf:queryInvoiceRequest><sessionId>{sessionId}</sessionId><criteria><direction>{direction}</direction><dateFrom>{from}</dateFrom><dateTo>{to}</dateTo>"
            + (status is null ? "" : $"<invoiceStatusList><invoiceStatus>{status}</invoiceStatus></invoiceStatusList>")
            + "<asc>true</asc></criteria></esf:queryInvoiceRequest>");

    private static string ByKey(string element, string sessionId, string num) =>
        Envelopes.Envelope(
            $"<esf:{element}><sessionId>{sessionId}</sessionId><invoiceKeyList><invoiceKey><date>{Today}</date><num>{num}</num></invoiceKey></invoiceKeyList>"
            + $"<direction>INBOUND</direction></esf:{element}>");
}
