using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Esf.Domain.Invoices;
using Esf.Tests.Infrastructure;
using Esf.Tests.Lifecycle;
using NUnit.Framework;

namespace Esf.Tests.Export;

/// <summary>GET /api/v1/reports: a Table 30 grouping with counts and totals, as CSV.</summary>
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
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }
}
