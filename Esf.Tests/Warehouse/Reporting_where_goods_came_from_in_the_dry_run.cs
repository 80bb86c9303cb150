using Esf.Domain.Invoices.Document;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Xml;
using NUnit.Framework;
using static Esf.Tests.Warehouse.Checking_warehouse_lines_in_the_dry_run;
using static Esf.Tests.Warehouse.Matching_import_waybills_with_fno_328;

namespace Esf.Tests.Warehouse;

/// <summary>
/// POST /api/v1/invoices/validate reports VS-46 (a ФНО 328.00 not matched with its import waybill) and VS-47 (goods its waybill already
/// moved) as the worker does, with the worker's own checks (ADR 0039 amendment): a client learns before the upload what the worker
/// would FAIL. Nothing is stored, matched or moved.
/// </summary>
[TestFixture]
public sealed class Reporting_where_goods_came_from_in_the_dry_run
{
    [Test]
    public async Task Should_report_VS_46_for_an_unmatched_fno_328_and_pass_the_same_invoice_once_it_is_matched()
    {
        // Arrange: the buyer imported position 1 of a ФНО 328.00 by a registered primary import waybill, not matched yet.
        using var parties = await Moving_goods_with_waybills.StartAsync();
        var fno = await ImportPositionAsync(parties, 500m);
        var waybillId = await RegisteredImportAsync(parties);
        var importer = parties.Buyer;
        var imported = WarehouseGoods.Wheat() with { SourceKind = GoodsSourceKind.ImportApplication, SourceNumber = fno, SourcePosition = 1 };
        var body = WarehouseInvoices.Sale(importer.Tenant, 5m, goods: imported);

        // Act
        var before = await ValidateAsync(importer, body);
        using (var matched = await MatchAsync(importer, waybillId, fno))
        {
            Assert.That(matched.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), await matched.Content.ReadAsStringAsync());
        }

        var after = await ValidateAsync(importer, body);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(before.GetProperty("valid").GetBoolean(), Is.False, before.ToString());
            Assert.That(Errors(before), Is.EqualTo(new[] { (InvoiceSourceRules.FnoMustBeMatched.Id, InvoiceSourceRules.FnoMustBeMatched.ErrorCode) }));
            Assert.That(before.GetProperty("errors")[0].GetProperty("text").GetString(), Does.StartWith(InvoiceSourceRules.FnoMustBeMatched.MessageRu));
            Assert.That(after.GetProperty("valid").GetBoolean(), Is.True, after.ToString());
        }
    }

    [Test]
    public async Task Should_report_VS_47_for_a_warehouse_line_of_goods_the_waybill_moved_and_move_nothing()
    {
        // Arrange: the registered waybill ships 12 of the seller's 20 units through the warehouse.
        using var parties = await Moving_goods_with_waybills.StartAsync();
        var (warehouseId, goodsId, waybill) = await Invoicing_goods_a_waybill_moved.RegisteredShipmentAsync(parties, ships: true);

        // Act
        var result = await ValidateAsync(parties.Seller, Invoicing_goods_a_waybill_moved.InvoiceBodyOn(waybill), new WarehouseLineRef(1, warehouseId, goodsId));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.GetProperty("valid").GetBoolean(), Is.False, result.ToString());
            Assert.That(Errors(result), Is.EqualTo(new[] { (InvoiceSourceRules.WaybillGoodsMoveOnce.Id, InvoiceSourceRules.WaybillGoodsMoveOnce.ErrorCode) }));
            Assert.That(await WarehouseInvoices.BalanceAsync(goodsId), Is.EqualTo(8m), "only the waybill's write-off");
        }
    }

    [Test]
    public async Task Should_report_VS_47_for_the_same_goods_from_another_warehouse_on_a_line_that_is_not_the_waybills()
    {
        // Arrange: the waybill ships the wheat of the first warehouse; the seller keeps the same wheat in a second one. The invoice has
        // the waybill's line, moving nothing, and a line added to it (no G1: origin «6», SNT-R013) that draws on the second goods line.
        using var parties = await Moving_goods_with_waybills.StartAsync();
        var (_, shippedGoods, waybill) = await Invoicing_goods_a_waybill_moved.RegisteredShipmentAsync(parties, ships: true);
        var second = (await WarehouseRequests.CreateAsync(parties.Seller, "Второй склад")).Id();
        var sameGoods = await WarehouseGoods.ReceiveAsync(parties.Seller.Tenant.SellerTin, second, 20m);
        var body = Invoicing_goods_a_waybill_moved.InvoiceBodyOn(waybill, WithAddedCopyOfTheFirstLine);

        // Act
        var result = await ValidateAsync(parties.Seller, body, new WarehouseLineRef(2, second, sameGoods));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sameGoods, Is.Not.EqualTo(shippedGoods), "another goods line of the same goods");
            Assert.That(Errors(result), Is.EqualTo(new[] { (InvoiceSourceRules.WaybillGoodsMoveOnce.Id, InvoiceSourceRules.WaybillGoodsMoveOnce.ErrorCode) }),
                result.ToString());
            Assert.That(await WarehouseInvoices.BalanceAsync(sameGoods), Is.EqualTo(20m));
        }
    }

    [Test]
    public async Task Should_pass_a_warehouse_line_of_goods_the_waybill_carried_without_moving_them()
    {
        // Arrange: the same waybill line, naming no goods line: the waybill moved nothing, the invoice may.
        using var parties = await Moving_goods_with_waybills.StartAsync();
        var (warehouseId, goodsId, waybill) = await Invoicing_goods_a_waybill_moved.RegisteredShipmentAsync(parties, ships: false);

        // Act
        var result = await ValidateAsync(parties.Seller, Invoicing_goods_a_waybill_moved.InvoiceBodyOn(waybill), new WarehouseLineRef(1, warehouseId, goodsId));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.GetProperty("valid").GetBoolean(), Is.True, result.ToString());
            Assert.That(await WarehouseInvoices.BalanceAsync(goodsId), Is.EqualTo(20m), "a dry run moves nothing");
        }
    }

    /// <summary>Adds a copy of the first line as a line not taken from the waybill (no G1, origin «6»), the totals counting it.</summary>
    private static void WithAddedCopyOfTheFirstLine(InvoiceBody invoice)
    {
        var copy = InvoiceBodyReader.Read(InvoiceXmlWriter.Write(invoice)).Document!.Body.ProductSet.Products[0];
        (copy.ProductNumberInSnt, copy.TruOriginCode) = (null, "6");
        var set = invoice.ProductSet;
        set.Products.Add(copy);
        (set.TotalExciseAmount, set.TotalNdsAmount, set.TotalPriceWithTax, set.TotalPriceWithoutTax, set.TotalTurnoverSize) =
            (set.TotalExciseAmount * 2, set.TotalNdsAmount * 2, set.TotalPriceWithTax * 2, set.TotalPriceWithoutTax * 2, set.TotalTurnoverSize * 2);
    }
}
