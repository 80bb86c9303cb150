using System.Net;
using System.Text.Json;
using Dapper;
using Esf.Infrastructure.Warehouse;
using Esf.Tests.Rest;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// GET /api/v1/warehouse-shortfalls (issue 13): the shortfalls system annulments recorded on the enterprise's goods lines, keyset-paged,
/// filtered by invoice and by day; another enterprise's shortfalls never appear. The paging and filter cases write the rows as
/// <c>InvoiceGoods.AnnulAsync</c> writes them; one case reads the shortfall of a real annulment (the ОГД's, after the buyer sold on).
/// </summary>
[TestFixture]
public sealed class Reading_warehouse_shortfalls
{
    /// <summary>Invoice ids of this run: the causes of shortfalls are unique across enterprises.</summary>
    private static readonly long Invoice = Random.Shared.NextInt64(1_000_000_000, 9_000_000_000);

    [Test]
    public async Task Should_page_the_own_shortfalls_oldest_first()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        var (warehouse, goods) = await GoodsLineAsync(client);
        var first = await RecordAsync(client.Tenant.SellerTin, goods, Invoice + 9001, 5m, DateTimeOffset.UtcNow.AddDays(-2));
        var second = await RecordAsync(client.Tenant.SellerTin, goods, Invoice + 9002, 3m, DateTimeOffset.UtcNow);

        // Act
        var page1 = await WarehouseRequests.GetJsonAsync(client, "api/v1/warehouse-shortfalls?limit=1");
        var page2 = await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouse-shortfalls?limit=1&after={page1.GetProperty("next").GetInt64()}");
        var page3 = await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouse-shortfalls?limit=1&after={page2.GetProperty("next").GetInt64()}");

        // Assert
        var shortfall = page1.GetProperty("shortfalls")[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(shortfall.GetProperty("id").GetInt64(), Is.EqualTo(first));
            Assert.That(shortfall.GetProperty("invoiceId").GetInt64(), Is.EqualTo(Invoice + 9001));
            Assert.That(shortfall.GetProperty("kind").GetString(), Is.EqualTo("SALE_IN"));
            Assert.That(shortfall.GetProperty("cause").GetString(), Is.EqualTo($"{Invoice + 9001}/1/0"));
            Assert.That(shortfall.GetProperty("goodsId").GetInt64(), Is.EqualTo(goods));
            Assert.That(shortfall.GetProperty("warehouseId").GetInt64(), Is.EqualTo(warehouse));
            Assert.That(shortfall.GetProperty("quantity").GetDecimal(), Is.EqualTo(5m));
            Assert.That(Ids(page2), Is.EqualTo(new[] { second }));
            Assert.That(Ids(page3), Is.Empty);
            Assert.That(page3.GetProperty("next").ValueKind, Is.EqualTo(JsonValueKind.Null));
        }
    }

    [Test]
    public async Task Should_filter_by_invoice_and_by_the_day_recorded()
    {
        // Arrange: one shortfall three days ago, one today.
        using var client = await WarehouseRequests.LogInAsync();
        var (_, goods) = await GoodsLineAsync(client);
        var old = await RecordAsync(client.Tenant.SellerTin, goods, Invoice + 9101, 2m, DateTimeOffset.UtcNow.AddDays(-3));
        var recent = await RecordAsync(client.Tenant.SellerTin, goods, Invoice + 9102, 4m, DateTimeOffset.UtcNow);
        var yesterday = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(5)).AddDays(-1).ToString("yyyy-MM-dd");

        // Act
        var ofInvoice = await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouse-shortfalls?invoiceId={Invoice + 9101}");
        var sinceYesterday = await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouse-shortfalls?from={yesterday}");
        var untilYesterday = await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouse-shortfalls?to={yesterday}");
        using var badDay = await client.Http.GetAsync("api/v1/warehouse-shortfalls?from=31.02.2026");
        using var badLimit = await client.Http.GetAsync("api/v1/warehouse-shortfalls?limit=0");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(ofInvoice), Is.EqualTo(new[] { old }));
            Assert.That(Ids(sinceYesterday), Is.EqualTo(new[] { recent }));
            Assert.That(Ids(untilYesterday), Is.EqualTo(new[] { old }));
        }

        await ProblemAssertions.AssertProblemAsync(badDay, HttpStatusCode.BadRequest);
        await ProblemAssertions.AssertProblemAsync(badLimit, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Should_never_show_another_enterprises_shortfalls()
    {
        // Arrange: the owner's shortfall on an invoice; the stranger has one of its own.
        using var owner = await WarehouseRequests.LogInAsync();
        using var stranger = await WarehouseRequests.LogInAsync();
        var (_, ownersGoods) = await GoodsLineAsync(owner);
        var (_, strangersGoods) = await GoodsLineAsync(stranger);
        var owners = await RecordAsync(owner.Tenant.SellerTin, ownersGoods, Invoice + 9201, 1m, DateTimeOffset.UtcNow);
        var strangers = await RecordAsync(stranger.Tenant.SellerTin, strangersGoods, Invoice + 9202, 1m, DateTimeOffset.UtcNow);

        // Act
        var seenByStranger = await WarehouseRequests.GetJsonAsync(stranger, "api/v1/warehouse-shortfalls");
        var byInvoice = await WarehouseRequests.GetJsonAsync(stranger, $"api/v1/warehouse-shortfalls?invoiceId={Invoice + 9201}");
        var seenByOwner = await WarehouseRequests.GetJsonAsync(owner, "api/v1/warehouse-shortfalls");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(seenByStranger), Is.EqualTo(new[] { strangers }));
            Assert.That(Ids(byInvoice), Is.Empty);
            Assert.That(Ids(seenByOwner), Is.EqualTo(new[] { owners }));
        }
    }

    [Test]
    public async Task Should_show_the_shortfall_of_a_real_annulment_to_the_buyer_that_sold_the_goods_on_and_not_to_the_seller()
    {
        // Arrange: the buyer sells 12 of the 12 bought on, then the ОГД annuls the sale after its deregistration.
        using var sale = await WarehouseInvoices.StartAsync(stock: 100m);
        var (id, _) = await sale.RegisterAsync(sale.Item(sale.Sale(12m)));
        var bought = await Returning_goods_on_system_annulments.SellOnAsync(sale, 12m);
        await Returning_goods_on_system_annulments.DeregisterAsync(sale.CustomerTin);
        var shortfalls = WarehouseGateway.Fixture.Get<WarehouseShortfalls>();
        var ofTheSale = new ShortfallQuery(0, 100, id, null, null);

        // Act
        var buyers = await shortfalls.ListAsync(sale.Parties.Customer, ofTheSale, CancellationToken.None);
        var sellers = await shortfalls.ListAsync(sale.Parties.SellerSession, ofTheSale, CancellationToken.None);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(buyers.Select(s => (s.InvoiceId, s.GoodsId, s.Kind, s.Quantity)), Is.EqualTo(new[] { (id, bought, "SALE_IN", 12m) }));
            Assert.That(sellers, Is.Empty, "the seller's line fell short of nothing");
        }
    }

    [Test]
    public async Task Should_refuse_a_request_without_a_session()
    {
        // Act
        using var anonymous = WarehouseGateway.Fixture.CreateClient();
        using var response = await anonymous.GetAsync("api/v1/warehouse-shortfalls");

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private static async Task<(long Warehouse, long Goods)> GoodsLineAsync(RestClient client)
    {
        var warehouse = (await WarehouseRequests.CreateAsync(client, "Склад")).Id();
        return (warehouse, await WarehouseGoods.ReceiveAsync(client.Tenant.SellerTin, warehouse, 10m));
    }

    /// <summary>A shortfall of the sale's buyer line, as a system annulment of <paramref name="invoiceId"/> records it.</summary>
    private static async Task<long> RecordAsync(string tin, long goodsId, long invoiceId, decimal quantity, DateTimeOffset at)
    {
        await using var connection = await WarehouseGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO warehouse_shortfalls (invoice_id, cause_ref, kind, goods_id, tin, quantity, recorded_at)
            VALUES (@InvoiceId, @Cause, 'SALE_IN', @GoodsId, @Tin, @Quantity, @At) RETURNING shortfall_id
            """, new { InvoiceId = invoiceId, Cause = $"{invoiceId}/1/0", GoodsId = goodsId, Tin = tin, Quantity = quantity, At = at.UtcDateTime });
    }

    private static long[] Ids(JsonElement page) => [.. page.GetProperty("shortfalls").EnumerateArray().Select(s => s.GetProperty("id").GetInt64())];
}
