using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Search;

/// <summary>
/// GET /api/v1/invoices with the Table 31 filters and Table 30 sorts read from the body: supplier and recipient category, БИК,
/// ИИК ГУ; consignor, consignee, ИИК, product code, payment purpose (and the categories and БИК).
/// </summary>
[TestFixture]
public sealed class Searching_by_body_fields
{
    private static readonly string Period =
        $"dateFrom={ExtendedSearchInvoices.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&dateTo={ExtendedSearchInvoices.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    [TestCase("sellerStatus", "sellerStatus", "lessor")]
    [TestCase("customerStatus", "customerStatus", "PUBLIC_OFFICE")]
    [TestCase("sellerBik", "sellerBik", "BBBBKZKA")]
    [TestCase("publicOfficeIik", "iik", "KZ010000000000000001")]
    public async Task Should_filter_by_a_body_field(string parameter, string field, string value)
    {
        // Arrange
        var (tenant, http) = await ArrangeAsync();
        using var owner = tenant;
        using var client = http;
        var expected = Enumerable.Range(0, 3)
            .Where(i => ExtendedSearchInvoices.Value(field, i).Equals(value, StringComparison.OrdinalIgnoreCase)).Select(ExtendedSearchInvoices.Num);

        // Act
        var matching = await NumsAsync(http, $"api/v1/invoices?{Period}&{parameter}={value}");
        var none = await NumsAsync(http, $"api/v1/invoices?{Period}&{parameter}=NOTHING_LIKE_IT");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(matching, Is.EqualTo(expected.ToArray()).And.Length.EqualTo(1));
            Assert.That(none, Is.Empty);
        }
    }

    [TestCase("sellerStatus")]
    [TestCase("sellerBik")]
    [TestCase("customerStatus")]
    [TestCase("consignorName")]
    [TestCase("consignorTin")]
    [TestCase("consigneeName")]
    [TestCase("consigneeTin")]
    [TestCase("iik")]
    [TestCase("productCode")]
    [TestCase("payPurpose")]
    public async Task Should_sort_by_a_body_field_both_ways_and_page_by_cursor(string sort)
    {
        // Arrange
        var (tenant, http) = await ArrangeAsync();
        using var owner = tenant;
        using var client = http;
        var ascending = ExtendedSearchInvoices.AscendingNums(sort);

        // Act
        var up = await NumsAsync(http, $"api/v1/invoices?{Period}&sort={sort}&asc=true");
        var down = await NumsAsync(http, $"api/v1/invoices?{Period}&sort={sort}");
        var paged = await NumsAsync(http, $"api/v1/invoices?{Period}&sort={sort}&asc=true&limit=2");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(up, Is.EqualTo(ascending));
            Assert.That(down, Is.EqualTo(ascending.Reverse().ToArray()));
            Assert.That(paged, Is.EqualTo(ascending), "the cursor resumes after a body-field key");
        }
    }

    private static async Task<(TestTenant Tenant, HttpClient Http)> ArrangeAsync()
    {
        var fixture = SearchGateway.Fixture;
        var tenant = await TestTenant.CreateAsync(fixture);
        await ExtendedSearchInvoices.InsertAsync(fixture, tenant);
        var http = fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await tenant.OpenSessionAsync(fixture));
        return (tenant, http);
    }

    /// <summary>Every page of the search, following the cursor, as the invoices' nums.</summary>
    private static async Task<string[]> NumsAsync(HttpClient http, string url)
    {
        var nums = new List<string>();
        string? cursor = null;
        do
        {
            using var response = await http.GetAsync(cursor is null ? url : $"{url}&cursor={cursor}");
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
            var page = JsonDocument.Parse(text).RootElement;
            nums.AddRange(page.GetProperty("invoices").EnumerateArray().Select(i => i.GetProperty("num").GetString()!));
            cursor = page.GetProperty("hasMore").GetBoolean() ? page.GetProperty("cursor").GetString() : null;
        }
        while (cursor is not null);

        return [.. nums];
    }
}
