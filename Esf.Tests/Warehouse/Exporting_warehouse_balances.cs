using System.Net;
using Esf.Infrastructure.Warehouse;
using Esf.Tests.Rest;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>GET /api/v1/warehouse-balances/export: every warehouse's balances, now or as of a past moment, as JSON or CSV, the enterprise's own only.</summary>
[TestFixture]
public sealed class Exporting_warehouse_balances
{
    [Test]
    public async Task Should_export_the_balances_of_every_warehouse_as_of_a_past_moment_exactly()
    {
        // Arrange: 10 received, then 4 written off; the export as of the receipt's moment still shows 10.
        using var client = await WarehouseRequests.LogInAsync();
        var central = await WarehouseRequests.CreateAsync(client, "Центральный склад");
        var shop = await WarehouseRequests.CreateAsync(client, "Магазин");
        var goodsId = await WarehouseGoods.ReceiveAsync(client.Tenant.SellerTin, central.Id(), 10m);
        await WarehouseGoods.ReceiveAsync(client.Tenant.SellerTin, shop.Id(), 3m);
        var receivedAt = (await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{central.Id()}/movements"))[0].GetProperty("occurredAt").GetDateTime();
        Assert.That(await WarehouseGateway.Fixture.Get<WarehouseLedger>().WriteOffAsync(client.Tenant.SellerTin, goodsId, 4m,
            new MovementCause("TEST", Guid.NewGuid().ToString("N")), CancellationToken.None), Is.Null);

        // Act
        var now = await WarehouseRequests.GetJsonAsync(client, "api/v1/warehouse-balances/export");
        var then = await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouse-balances/export?asOf={receivedAt:yyyy-MM-ddTHH:mm:ss.ffffffZ}");

        // Assert
        Assert.That(now.EnumerateArray().Select(b => (b.GetProperty("warehouseId").GetInt64(), b.GetProperty("quantity").GetDecimal())),
            Is.EqualTo(new[] { (central.Id(), 6m), (shop.Id(), 3m) }));
        Assert.That(then.EnumerateArray().Select(b => (b.GetProperty("warehouseId").GetInt64(), b.GetProperty("quantity").GetDecimal())),
            Is.EqualTo(new[] { (central.Id(), 10m) }), "the shop received its goods after that moment");
    }

    [Test]
    public async Task Should_export_csv_with_the_balance_columns_and_nothing_of_another_enterprise()
    {
        // Arrange
        using var client = await WarehouseRequests.LogInAsync();
        using var stranger = await WarehouseRequests.LogInAsync();
        var warehouse = await WarehouseRequests.CreateAsync(client, "Склад");
        var goodsId = await WarehouseGoods.ReceiveAsync(client.Tenant.SellerTin, warehouse.Id(), 7m);

        // Act
        using var response = await client.Http.GetAsync("api/v1/warehouse-balances/export?format=csv");
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var strangers = await WarehouseRequests.GetJsonAsync(stranger, "api/v1/warehouse-balances/export");
        using var wrongFormat = await client.Http.GetAsync("api/v1/warehouse-balances/export?format=xlsx");

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), csv);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "warehouseId,goodsId,gsvsCode,tnvedCode,sourceKind,sourceNumber,sourcePosition,sourceName,country,physicalMark,price,gsvsName,quantity,unit",
            $"{warehouse.Id()},{goodsId},01.11.11.01,1001110000,DT,12345/060316/9123456,1,Пшеница 2 сорт,AR,,300.00,,7.000000,166",
        }));
        Assert.That(strangers.GetArrayLength(), Is.Zero);
        await ProblemAssertions.AssertProblemAsync(wrongFormat, HttpStatusCode.BadRequest);
    }
}
