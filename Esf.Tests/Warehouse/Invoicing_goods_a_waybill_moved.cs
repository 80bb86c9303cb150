using System.Globalization;
using System.Text.Json;
using Esf.Domain.Warehouse;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using NUnit.Framework;
using static Esf.Tests.Warehouse.Moving_goods_with_waybills;

namespace Esf.Tests.Warehouse;

/// <summary>
/// VS-47 on the real pipeline (ADR 0039): the invoice issued on a waybill (32.1) may not sell through the warehouse the goods that
/// waybill moved itself (productId), or they would leave the seller twice; goods the waybill carried without productId still move
/// with the invoice.
/// </summary>
[TestFixture]
public sealed class Invoicing_goods_a_waybill_moved
{
    private const decimal Shipped = 12m;

    [Test]
    public async Task Should_fail_a_warehouse_line_for_goods_the_waybill_already_moved_with_VS_47_and_move_nothing_more()
    {
        // Arrange: the waybill ships 12 of the 20 units through the warehouse.
        using var parties = await StartAsync();
        var (sellerWarehouse, goodsId, waybill) = await RegisteredShipmentAsync(parties, ships: true);

        // Act
        var status = await InvoiceOnAsync(parties, waybill, sellerWarehouse, goodsId);

        // Assert
        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("FAILED"), status.ToString());
        var error = status.GetProperty("errors").EnumerateArray().Single();
        Assert.That(error.GetProperty("ruleId").GetString(), Is.EqualTo(InvoiceSourceRules.WaybillGoodsMoveOnce.Id));
        Assert.That(error.GetProperty("message").GetString(), Does.StartWith(InvoiceSourceRules.WaybillGoodsMoveOnce.MessageRu));
        Assert.That(await WarehouseInvoices.BalanceAsync(goodsId), Is.EqualTo(20m - Shipped), "only the waybill's write-off");
    }

    [Test]
    public async Task Should_move_with_the_invoice_the_goods_its_waybill_carried_without_moving_them()
    {
        // Arrange: the same waybill line, but naming no goods line: the waybill moves nothing.
        using var parties = await StartAsync();
        var (sellerWarehouse, goodsId, waybill) = await RegisteredShipmentAsync(parties, ships: false);

        // Act
        var status = await InvoiceOnAsync(parties, waybill, sellerWarehouse, goodsId);

        // Assert
        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("CREATED"), status.ToString());
        Assert.That(await WarehouseInvoices.BalanceAsync(goodsId), Is.EqualTo(20m - Shipped), "the invoice's sale, once");
    }

    /// <summary>
    /// The seller holding 20 units of wheat, the buyer a default warehouse, and a registered primary waybill of one line (the sample's 12
    /// units) carrying the wheat, shipping its goods line when told.
    /// </summary>
    internal static async Task<(long SellerWarehouse, long GoodsId, WaybillDocument Waybill)> RegisteredShipmentAsync(WaybillRestDriver parties, bool ships)
    {
        var (sellerWarehouse, goodsId) = await SellerHoldsAsync(parties, 20m);
        await WarehouseRequests.CreateAsync(parties.Buyer, "Склад покупателя");
        var body = parties.Body(b =>
        {
            b.ProductSet.Products = [b.ProductSet.Products[0]];
            b.ProductSet.Products[0].Carry(WarehouseGoods.Wheat(), ships ? goodsId : null);
        });
        var registered = await parties.ProcessedAsync((await parties.UploadAcceptedAsync(body)).Single());
        Assert.That(registered.GetProperty("status").GetString(), Is.EqualTo("NOT_VIEWED"), registered.ToString());
        return (sellerWarehouse.Id(), goodsId,
            new WaybillDocument(WaybillXmlParser.Parse(body)) { RegistrationNumber = registered.GetProperty("registrationNumber").GetString() });
    }

    /// <summary>The invoice of table 28 on the waybill, its line drawn from the seller's goods line; answers its final status.</summary>
    private static async Task<JsonElement> InvoiceOnAsync(WaybillRestDriver parties, WaybillDocument waybill, long warehouseId, long goodsId)
    {
        var body = InvoiceBodyOn(waybill);
        var seller = parties.Seller;
        using var response = await seller.UploadAsync(new
        {
            certificate = seller.Tenant.CertificateBase64,
            invoices = new[]
            {
                new
                {
                    body, version = "InvoiceV2", signature = seller.Tenant.Sign(body), signatureType = "COMPANY",
                    warehouseLines = new[] { new { line = 1, warehouseId, goodsId } },
                },
            },
        });
        var json = await RestClient.ReadJsonAsync(response);
        Assert.That(json.GetProperty("declined").GetArrayLength(), Is.Zero, json.ToString());
        return await seller.WaitUntilProcessedAsync(json.GetProperty("accepted")[0].GetProperty("id").GetInt64());
    }

    /// <summary>
    /// The invoice of table 28 on the waybill (32.1), pre-filled from it, its line named as the wheat's goods line names it, then
    /// changed by <paramref name="change"/> when given.
    /// </summary>
    internal static string InvoiceBodyOn(WaybillDocument waybill, Action<Esf.Domain.Invoices.Document.InvoiceBody>? change = null)
    {
        var invoice = InvoicePrefill.For(waybill, DateOnly.ParseExact(TestInvoices.Today, "dd.MM.yyyy", CultureInfo.InvariantCulture)).Body;
        (invoice.Num, invoice.OperatorFullname) = (TestTenant.UniqueNum(), "Тестова Айгерим");
        invoice.ProductSet.Products[0].TnvedName = WarehouseGoods.Wheat().SourceName;
        change?.Invoke(invoice);
        return InvoiceXmlWriter.Write(invoice);
    }
}
