using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Esf.Domain.Invoices;
using Esf.Infrastructure;
using Esf.Infrastructure.Export;
using Esf.Tests.Infrastructure;
using Esf.Tests.Lifecycle;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Export;

/// <summary>GET /api/v1/reports: a Table 30 grouping with counts and totals, as CSV and XLSX.</summary>
[TestFixture]
public sealed class Reporting_grouped_invoices
{
    [Test]
    public async Task Should_group_by_status_with_counts_and_totals()
    {
        // Arrange
        var fixture = ExportGateway.Fixture;
        using var parties = await DocumentFlowParties.StartAsync(fixture);
        var confirmed = await parties.RegisterAsync();
        await parties.RegisterAsync();
        await parties.RegisterAsync();
        await parties.ChangeAsync(parties.Customer, LifecycleOperation.Confirm, confirmed);
        using var http = fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", parties.SellerSession.SessionId);
        var today = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Act
        using var response = await http.GetAsync($"api/v1/reports?groupBy=status&asc=true&dateFrom={today}&dateTo={today}");
        using var unknown = await http.GetAsync($"api/v1/reports?groupBy=colour&dateFrom={today}&dateTo={today}");

        // Assert
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(lines, Is.EqualTo(new[]
        {
            "group,invoices,totalWithoutTax,totalNds,totalWithTax",
            "CREATED,2,74412.00,8929.44,83341.44",
            "DELIVERED,1,37206.00,4464.72,41670.72",
        }));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "an unknown grouping is invalid input (ADR 0005)");
    }

    [Test]
    public async Task Should_answer_an_xlsx_workbook_with_the_grouped_totals()
    {
        // Arrange
        var fixture = ExportGateway.Fixture;
        using var parties = await DocumentFlowParties.StartAsync(fixture);
        var confirmed = await parties.RegisterAsync();
        await parties.RegisterAsync();
        await parties.ChangeAsync(parties.Customer, LifecycleOperation.Confirm, confirmed);
        using var http = fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", parties.SellerSession.SessionId);
        var today = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var byAccept = new HttpRequestMessage(HttpMethod.Get, $"api/v1/reports?groupBy=status&asc=true&dateFrom={today}&dateTo={today}");
        byAccept.Headers.Accept.ParseAdd(ReportSpreadsheet.ContentType);

        // Act
        using var response = await http.GetAsync($"api/v1/reports?groupBy=status&asc=true&format=xlsx&dateFrom={today}&dateTo={today}");
        using var negotiated = await http.SendAsync(byAccept);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ReportSpreadsheet.ContentType));
        Assert.That(await ReadSheetAsync(response), Is.EqualTo(new[]
        {
            new[] { "group", "invoices", "totalWithoutTax", "totalNds", "totalWithTax" },
            ["CREATED", "1", "37206.00", "4464.72", "41670.72"],
            ["DELIVERED", "1", "37206.00", "4464.72", "41670.72"],
            ["Итого", "2", "74412.00", "8929.44", "83341.44"],
        }));
        Assert.That(negotiated.Content.Headers.ContentType?.MediaType, Is.EqualTo(ReportSpreadsheet.ContentType));
        Assert.That(await ReadSheetAsync(negotiated), Has.Length.EqualTo(4));
    }

    /// <summary>
    /// One source of Kazakhstan time (security review L6): change dates are bucketed at UTC+5, like the registration day in C#
    /// (<see cref="KazakhstanTime"/>), whatever the database's tzdata says about Asia/Almaty. A change 30 minutes either side
    /// of midnight of a 2023 day shows it: the tzdata puts Almaty at UTC+6 then, as an outdated tzdata still does today.
    /// </summary>
    [TestCase("2023-12-03T18:30:00Z", "2023-12-03")]
    [TestCase("2023-12-03T19:30:00Z", "2023-12-04")]
    public async Task Should_bucket_change_dates_near_midnight_in_the_same_time_zone_as_the_registration_day(string changedAt, string day)
    {
        // Arrange
        var fixture = ExportGateway.Fixture;
        using var parties = await DocumentFlowParties.StartAsync(fixture);
        var id = await parties.RegisterAsync();
        var instant = DateTimeOffset.Parse(changedAt, CultureInfo.InvariantCulture);
        await using (var connection = await fixture.Get<NpgsqlDataSource>().OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE invoices SET last_update_date = @At WHERE invoice_id = @Id", new { At = instant, Id = id });
        }

        using var http = fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", parties.SellerSession.SessionId);
        var today = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Act
        var report = await http.GetStringAsync($"api/v1/reports?groupBy=changeDate&dateFrom={today}&dateTo={today}");

        // Assert
        var lines = report.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(KazakhstanTime.Of(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Is.EqualTo(day));
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(new[] { day }));
    }

    /// <summary>Opens the workbook with the Open XML SDK and answers each row's cell texts.</summary>
    private static async Task<string[][]> ReadSheetAsync(HttpResponseMessage response)
    {
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(file, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return [.. sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray())];
    }
}
