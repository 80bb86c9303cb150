using Esf.Domain.Invoices.Document;
using Esf.Domain.Warehouse;
using Esf.Domain.Waybills.Document;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// VS-46 (a ФНО 328.00 named in G15/G16 must be matched with its import waybill) and VS-47 (an invoice on a waybill does not move
/// again the goods the waybill moved, by its line, its goods line or, on a line that is not the waybill's, the same goods), on the facts
/// the worker reads for them.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class InvoiceSourceChecksTests
{
    private const string Fno = "123456789012345678";

    private static readonly HashSet<(string, int)> MatchedPositionOne = [(Fno, 1)];

    [Test]
    public void Should_cite_a_fno_only_for_an_18_digit_g15_on_a_line_of_origin_1_or_2()
    {
        Product[] products =
        [
            Line("2", Fno, "1"), Line("1", $" {Fno} ", "x"), Line("3", Fno, "1"), Line("2", "12345/060316/9123456", "1"), Line("2", Fno[..17], "1"),
        ];

        var cited = InvoiceSourceChecks.FnoCitations(products);

        Assert.That(cited, Is.EqualTo(new[] { new FnoCitation(0, Fno, 1), new FnoCitation(1, Fno, null) }));
    }

    [Test]
    public void Should_accept_a_cited_position_that_is_matched()
    {
        Assert.That(InvoiceSourceChecks.CheckFnoMatched(InvoiceSourceChecks.FnoCitations([Line("2", Fno, "1")]), MatchedPositionOne), Is.Empty);
    }

    [TestCase("2", TestName = "Another position of the matched ФНО 328.00")]
    [TestCase("", TestName = "No position in G16")]
    public void Should_refuse_a_cited_position_that_is_not_matched_with_VS_46(string position)
    {
        var violation = InvoiceSourceChecks.CheckFnoMatched(InvoiceSourceChecks.FnoCitations([Line("2", "12345/060316/9123456", "1"), Line("2", Fno, position)]),
            MatchedPositionOne).Single();

        Assert.That(violation.RuleId, Is.EqualTo(InvoiceSourceRules.FnoMustBeMatched.Id));
        Assert.That(violation.ErrorCode, Is.EqualTo("FNO_MATCHING_NOT_FOUND"));
        Assert.That(violation.Property, Is.EqualTo("productSet.products.product[1].productNumberInDeclaration"));
        Assert.That(violation.Message, Does.StartWith(InvoiceSourceRules.FnoMustBeMatched.MessageRu + $": строка 2: ФНО 328.00 {Fno}"));
    }

    [Test]
    public void Should_accept_warehouse_lines_for_waybill_lines_that_moved_nothing()
    {
        Product[] invoice = [OnWaybillLine("1/1"), OnWaybillLine("1/2")];
        WaybillProduct[] waybill = [WaybillLine(1, null), WaybillLine(2, 7)];

        Assert.That(InvoiceSourceChecks.CheckNotMovedByWaybill(invoice, [new WarehouseLineRef(1, 3, 8)], waybill), Is.Empty);
    }

    [Test]
    public void Should_refuse_a_warehouse_line_on_a_waybill_line_that_moved_its_goods_with_VS_47()
    {
        Product[] invoice = [OnWaybillLine("1/1"), OnWaybillLine(" 1/2 ")];
        WaybillProduct[] waybill = [WaybillLine(1, null), WaybillLine(2, 7)];

        var violation = InvoiceSourceChecks.CheckNotMovedByWaybill(invoice, [new WarehouseLineRef(2, 3, 8)], waybill).Single();

        Assert.That(violation.RuleId, Is.EqualTo(InvoiceSourceRules.WaybillGoodsMoveOnce.Id));
        Assert.That(violation.ErrorCode, Is.EqualTo("INVOICE_CONTAINS_SNT_PRODUCTS"));
        Assert.That(violation.Message, Is.EqualTo(InvoiceSourceRules.WaybillGoodsMoveOnce.MessageRu + ": строка 2: позиция склада 8"));
    }

    [Test]
    public void Should_refuse_a_warehouse_line_drawing_on_a_goods_line_the_waybill_ships_with_VS_47()
    {
        Product[] invoice = [OnWaybillLine("1/1"), OnWaybillLine("1/2")];
        WaybillProduct[] waybill = [WaybillLine(1, null), WaybillLine(2, 7)];

        Assert.That(InvoiceSourceChecks.CheckNotMovedByWaybill(invoice, [new WarehouseLineRef(1, 3, 7)], waybill).Select(v => v.RuleId),
            Is.EqualTo(new[] { "VS-47" }));
    }

    [TestCase(null, TestName = "An invoice line without G1")]
    [TestCase("1/9", TestName = "An invoice line whose G1 names no line of the waybill")]
    public void Should_refuse_the_same_goods_from_another_goods_line_on_a_line_that_is_not_the_waybills_with_VS_47(string? key)
    {
        // The waybill ships the wheat of goods line 7; the invoice line draws the same wheat from goods line 8 (another price or warehouse).
        Product[] invoice = [Wheat(OnWaybillLine("1/1")), Wheat(new Product { TruOriginCode = "5", ProductNumberInSnt = key, Quantity = 1m })];
        WaybillProduct[] waybill = [Wheat(WaybillLine(1, 7))];

        var violation = InvoiceSourceChecks.CheckNotMovedByWaybill(invoice, [new WarehouseLineRef(2, 3, 8)], waybill).Single();

        Assert.That(violation.Message, Is.EqualTo(InvoiceSourceRules.WaybillGoodsMoveOnce.MessageRu + ": строка 2: позиция склада 8"));
    }

    [Test]
    public void Should_accept_the_same_goods_on_a_waybill_line_that_moved_nothing_and_other_goods_on_no_waybill_line()
    {
        // Line 1 is the waybill's line 1/2, which carried the wheat without moving it; line 2 is no waybill line and sells other goods.
        var barley = Wheat(new Product { TruOriginCode = "5", Quantity = 1m });
        barley.UnitCode = "1003900000";
        Product[] invoice = [Wheat(OnWaybillLine("1/2")), barley];
        WaybillProduct[] waybill = [Wheat(WaybillLine(1, 7)), Wheat(WaybillLine(2, null))];

        Assert.That(InvoiceSourceChecks.CheckNotMovedByWaybill(invoice, [new WarehouseLineRef(1, 3, 8), new WarehouseLineRef(2, 3, 9)], waybill), Is.Empty);
    }

    /// <summary>The wheat's columns (G4, G5, G15, G16, G17) as the Module fills them, with spaces the comparison trims.</summary>
    private static Product Wheat(Product line)
    {
        (line.UnitCode, line.UnitNomenclature, line.ProductDeclaration, line.ProductNumberInDeclaration, line.CatalogTruId) =
            ("1001110000", "166", " 12345/060316/9123456", "1", "01.11.11.01");
        return line;
    }

    private static WaybillProduct Wheat(WaybillProduct line)
    {
        (line.TnvedCode, line.MeasureUnitCode, line.ProductDeclaration, line.ProductNumberInDeclaration, line.CatalogTruId) =
            ("1001110000", "166", "12345/060316/9123456", "1 ", "01.11.11.01");
        return line;
    }

    private static Product Line(string origin, string declaration, string position) =>
        new() { TruOriginCode = origin, ProductDeclaration = declaration, ProductNumberInDeclaration = position, Quantity = 1m };

    private static Product OnWaybillLine(string key) => new() { TruOriginCode = "5", ProductNumberInSnt = key, Quantity = 1m };

    private static WaybillProduct WaybillLine(int position, long? goodsId) =>
        new() { Section = 1, Position = position, TruOriginCode = "5", Quantity = 1m, ProductId = goodsId?.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
