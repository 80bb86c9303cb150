using System.Net;
using System.Text.Json;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Warehouse;
using Esf.Tests.Rest;
using NUnit.Framework;
using static Esf.Tests.Rest.ProblemAssertions;

namespace Esf.Tests.Warehouse;

/// <summary>
/// Waybills (СНТ) moving goods of the virtual warehouse on the real pipeline (docs/virtual-warehouse.md «Waybills»): registration writes a
/// line naming a goods line (<c>productId</c>) off the seller's warehouse, confirmation credits the buyer's default warehouse,
/// a decline, a revocation or a corrected waybill returns the goods, each exactly once.
/// </summary>
[TestFixture]
public sealed class Moving_goods_with_waybills
{
    /// <summary>The first line of the sample waybill ships 12 units.</summary>
    private const decimal Shipped = 12m;

    [Test]
    public async Task Should_write_the_goods_off_the_seller_at_registration_and_credit_the_buyers_default_warehouse_on_confirmation()
    {
        // Arrange
        using var parties = await StartAsync();
        var (sellerWarehouse, goodsId) = await SellerHoldsAsync(parties, 20m);
        var buyerWarehouse = await WarehouseRequests.CreateAsync(parties.Buyer, "Склад покупателя");
        var id = (await parties.UploadAcceptedAsync(Shipping(parties, goodsId))).Single();

        // Act
        var registered = await parties.ProcessedAsync(id);
        var inTransit = await QuantitiesAsync(parties.Seller, sellerWarehouse);
        using var confirmed = await WaybillRestDriver.ChangeAsync(parties.Buyer, id, "confirm", null);

        // Assert
        Assert.That(registered.GetProperty("status").GetString(), Is.EqualTo("NOT_VIEWED"), registered.ToString());
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await confirmed.Content.ReadAsStringAsync());
        var atBuyer = await WarehouseRequests.GetJsonAsync(parties.Buyer, $"api/v1/warehouses/{buyerWarehouse.Id()}/balances");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(inTransit, Is.EqualTo(new[] { 8m }), "written off at registration");
            Assert.That(await QuantitiesAsync(parties.Seller, sellerWarehouse), Is.EqualTo(new[] { 8m }));
            Assert.That(atBuyer.EnumerateArray().Select(b => b.GetProperty("quantity").GetDecimal()), Is.EqualTo(new[] { Shipped }));
            Assert.That(atBuyer[0].GetProperty("sourceNumber").GetString(), Is.EqualTo(WarehouseGoods.Wheat().SourceNumber), "the same goods");
            Assert.That(await KindsAsync(parties.Buyer, buyerWarehouse), Is.EqualTo(new[] { "SNT_IN" }));
        }
    }

    [Test]
    public async Task Should_fail_a_waybill_shipping_more_than_the_seller_holds_with_VS_01_and_move_nothing()
    {
        // Arrange
        using var parties = await StartAsync();
        var (sellerWarehouse, goodsId) = await SellerHoldsAsync(parties, 5m);
        var id = (await parties.UploadAcceptedAsync(Shipping(parties, goodsId))).Single();

        // Act
        var failed = await parties.ProcessedAsync(id);

        // Assert
        Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("FAILED"), failed.ToString());
        var error = failed.GetProperty("errors").EnumerateArray().Single();
        Assert.That(error.GetProperty("ruleId").GetString(), Is.EqualTo(WarehouseRules.BalanceMustCoverWriteOff.Id));
        Assert.That(error.GetProperty("message").GetString(), Does.StartWith(WarehouseRules.BalanceMustCoverWriteOff.MessageRu));
        Assert.That(await QuantitiesAsync(parties.Seller, sellerWarehouse), Is.EqualTo(new[] { 5m }));
        Assert.That(await KindsAsync(parties.Seller, sellerWarehouse), Is.EqualTo(new[] { MovementCauses.Receipt }), "no movement kept");
    }

    [Test]
    public async Task Should_return_the_goods_to_the_seller_once_when_the_buyer_declines()
    {
        // Arrange
        using var parties = await StartAsync();
        var (sellerWarehouse, goodsId) = await SellerHoldsAsync(parties, 20m);
        await WarehouseRequests.CreateAsync(parties.Buyer, "Склад покупателя");
        var id = (await parties.UploadAcceptedAsync(Shipping(parties, goodsId))).Single();
        await parties.ProcessedAsync(id);

        // Act
        using var declined = await WaybillRestDriver.ChangeAsync(parties.Buyer, id, "decline", "пересорт");
        using var again = await WaybillRestDriver.ChangeAsync(parties.Buyer, id, "decline", "пересорт");

        // Assert
        Assert.That(declined.StatusCode, Is.EqualTo(HttpStatusCode.OK), await declined.Content.ReadAsStringAsync());
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await QuantitiesAsync(parties.Seller, sellerWarehouse), Is.EqualTo(new[] { 20m }));
        Assert.That(await KindsAsync(parties.Seller, sellerWarehouse), Is.EquivalentTo(new[] { MovementCauses.Receipt, "SNT_OUT", "SNT_IN" }));
    }

    [Test]
    public async Task Should_take_the_goods_back_from_the_buyer_when_the_seller_revokes_a_confirmed_waybill()
    {
        // Arrange
        using var parties = await StartAsync();
        var (sellerWarehouse, buyerWarehouse, id) = await ConfirmedShipmentAsync(parties);

        // Act
        using var revoked = await WaybillRestDriver.ChangeAsync(parties.Seller, id, "revoke", "ошибка в количестве");

        // Assert
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.OK), await revoked.Content.ReadAsStringAsync());
        Assert.That(await QuantitiesAsync(parties.Seller, sellerWarehouse), Is.EqualTo(new[] { 20m }));
        Assert.That(await QuantitiesAsync(parties.Buyer, buyerWarehouse), Is.Empty, "the buyer's line is empty again");
    }

    [Test]
    public async Task Should_refuse_revoking_a_confirmed_waybill_with_VS_21_when_the_buyer_no_longer_holds_the_goods()
    {
        // Arrange
        using var parties = await StartAsync();
        var (sellerWarehouse, buyerWarehouse, id) = await ConfirmedShipmentAsync(parties);
        var buyerLine = (await WarehouseRequests.GetJsonAsync(parties.Buyer, $"api/v1/warehouses/{buyerWarehouse.Id()}/balances"))[0]
            .GetProperty("goodsId").GetInt64();
        Assert.That(await WarehouseGateway.Fixture.Get<WarehouseLedger>().WriteOffAsync(parties.Buyer.Tenant.SellerTin, buyerLine, 10m,
            new MovementCause("TEST", Guid.NewGuid().ToString("N")), CancellationToken.None), Is.Null, "the buyer sells 10 of the 12");

        // Act
        using var revoked = await WaybillRestDriver.ChangeAsync(parties.Seller, id, "revoke", "ошибка");

        // Assert
        var problem = await AssertProblemAsync(revoked, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo(WaybillWarehouseRules.ReturnedGoodsMustBeHeldByBuyer.ErrorCode));
        Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("VS-21: " + WaybillWarehouseRules.ReturnedGoodsMustBeHeldByBuyer.MessageRu));
        Assert.That(await WaybillRestDriver.HistoryAsync(parties.Seller, id), Does.Not.Contain("CONFIRMED→REVOKED"));
        Assert.That(await QuantitiesAsync(parties.Seller, sellerWarehouse), Is.EqualTo(new[] { 8m }), "nothing returned");
        Assert.That(await QuantitiesAsync(parties.Buyer, buyerWarehouse), Is.EqualTo(new[] { 2m }));
    }

    [Test]
    public async Task Should_refuse_the_confirmation_with_VS_20_while_the_buyer_has_no_default_warehouse()
    {
        // Arrange
        using var parties = await StartAsync();
        var (_, goodsId) = await SellerHoldsAsync(parties, 20m);
        var id = (await parties.UploadAcceptedAsync(Shipping(parties, goodsId))).Single();
        await parties.ProcessedAsync(id);

        // Act
        using var refused = await WaybillRestDriver.ChangeAsync(parties.Buyer, id, "confirm", null);
        await WarehouseRequests.CreateAsync(parties.Buyer, "Склад покупателя");
        using var confirmed = await WaybillRestDriver.ChangeAsync(parties.Buyer, id, "confirm", null);

        // Assert
        var problem = await AssertProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("VS-20: " + WaybillWarehouseRules.BuyerMustHaveDefaultWarehouse.MessageRu));
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await confirmed.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Should_return_the_primarys_goods_before_a_corrected_waybill_ships_them_again()
    {
        // Arrange: the seller holds 20; the primary ships 12, the corrected one 15 of the same line.
        using var parties = await StartAsync();
        var (sellerWarehouse, goodsId) = await SellerHoldsAsync(parties, 20m);
        var primaryId = (await parties.UploadAcceptedAsync(Shipping(parties, goodsId))).Single();
        var number = (await parties.ProcessedAsync(primaryId)).GetProperty("registrationNumber").GetString();

        // Act
        var correctedId = (await parties.UploadAcceptedAsync(Shipping(parties, goodsId, b =>
        {
            b.Type = Esf.Domain.Waybills.WaybillTypeNames.Corrected;
            b.RelatedWaybill = new Esf.Domain.Waybills.Document.RelatedWaybill { RegistrationNumber = number, Date = b.Date };
            var line = b.ProductSet.Products[0];
            (line.Quantity, line.PriceWithoutTax, line.NdsAmount, line.PriceWithTax) = (15m, 27757.50m, 3330.90m, 31088.40m);
        }))).Single();
        var corrected = await parties.ProcessedAsync(correctedId);

        // Assert
        Assert.That(corrected.GetProperty("status").GetString(), Is.EqualTo("NOT_VIEWED"), corrected.ToString());
        Assert.That(await QuantitiesAsync(parties.Seller, sellerWarehouse), Is.EqualTo(new[] { 5m }), "20 - 12 + 12 - 15");
    }

    [Test]
    public async Task Should_fail_a_waybill_naming_another_enterprises_goods_line_with_VS_02_and_leave_that_line_alone()
    {
        // Arrange
        using var parties = await StartAsync();
        using var stranger = await WarehouseRequests.LogInAsync();
        var strangersWarehouse = await WarehouseRequests.CreateAsync(stranger, "Чужой склад");
        var strangersLine = await WarehouseGoods.ReceiveAsync(stranger.Tenant.SellerTin, strangersWarehouse.Id(), 50m);
        var id = (await parties.UploadAcceptedAsync(Shipping(parties, strangersLine))).Single();

        // Act
        var failed = await parties.ProcessedAsync(id);

        // Assert
        Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("FAILED"), failed.ToString());
        Assert.That(failed.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()),
            Is.EqualTo(new[] { WarehouseRules.GoodsLineMustExist.Id }));
        Assert.That(await QuantitiesAsync(stranger, strangersWarehouse), Is.EqualTo(new[] { 50m }));
    }

    /// <summary>The seller holds 20, ships 12 to the buyer's warehouse, and the buyer confirmed the waybill.</summary>
    private static async Task<(JsonElement Seller, JsonElement Buyer, long WaybillId)> ConfirmedShipmentAsync(WaybillRestDriver parties)
    {
        var (sellerWarehouse, goodsId) = await SellerHoldsAsync(parties, 20m);
        var buyerWarehouse = await WarehouseRequests.CreateAsync(parties.Buyer, "Склад покупателя");
        var id = (await parties.UploadAcceptedAsync(Shipping(parties, goodsId))).Single();
        await parties.ProcessedAsync(id);
        using var confirmed = await WaybillRestDriver.ChangeAsync(parties.Buyer, id, "confirm", null);
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await confirmed.Content.ReadAsStringAsync());
        return (sellerWarehouse, buyerWarehouse, id);
    }

    internal static Task<WaybillRestDriver> StartAsync() => WaybillRestDriver.StartAsync(WarehouseGateway.Fixture);

    /// <summary>The seller's warehouse with one goods line of wheat holding <paramref name="quantity"/>.</summary>
    internal static async Task<(JsonElement Warehouse, long GoodsId)> SellerHoldsAsync(WaybillRestDriver parties, decimal quantity)
    {
        var warehouse = await WarehouseRequests.CreateAsync(parties.Seller, "Центральный склад");
        return (warehouse, await WarehouseGoods.ReceiveAsync(parties.Seller.Tenant.SellerTin, warehouse.Id(), quantity));
    }

    /// <summary>The sample waybill whose first line (12 units) ships the goods line <paramref name="goodsId"/> (the wheat, as the Module fills it).</summary>
    internal static string Shipping(WaybillRestDriver parties, long goodsId, Action<Esf.Domain.Waybills.Document.WaybillBody>? change = null) =>
        parties.Body(b =>
        {
            b.ProductSet.Products[0].Carry(WarehouseGoods.Wheat(), goodsId);
            change?.Invoke(b);
        });

    internal static async Task<decimal[]> QuantitiesAsync(RestClient client, JsonElement warehouse) =>
        [.. (await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{warehouse.Id()}/balances")).EnumerateArray()
            .Select(b => b.GetProperty("quantity").GetDecimal())];

    internal static async Task<string[]> KindsAsync(RestClient client, JsonElement warehouse) =>
        [.. (await WarehouseRequests.GetJsonAsync(client, $"api/v1/warehouses/{warehouse.Id()}/movements")).EnumerateArray()
            .Select(m => m.GetProperty("kind").GetString()!)];
}
