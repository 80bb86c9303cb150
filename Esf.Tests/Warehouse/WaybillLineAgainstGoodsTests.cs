using Esf.Domain.Warehouse;
using Esf.Domain.Waybills.Document;
using NUnit.Framework;

namespace Esf.Tests.Warehouse;

/// <summary>
/// VS-41 … VS-45: a waybill line shipping a goods line (productId) carries its ТН ВЭД code, unit, source document (G15), position (G16)
/// and ГС ВС code (G17); each column that differs is its own violation, naming the line and both values.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WaybillLineAgainstGoodsTests
{
    [Test]
    public void Should_accept_a_line_carrying_the_goods_lines_columns_even_with_spaces_around_them()
    {
        var line = Shipping();
        line.TnvedCode = $" {line.TnvedCode} ";

        Assert.That(WaybillLineAgainstGoods.Check(line, 0, WarehouseGoods.Wheat()), Is.Empty);
    }

    [TestCase("VS-41", "tnvedCode")]
    [TestCase("VS-42", "measureUnitCode")]
    [TestCase("VS-43", "productDeclaration")]
    [TestCase("VS-44", "productNumberInDeclaration")]
    [TestCase("VS-45", "catalogTruId")]
    public void Should_refuse_a_column_that_differs_from_the_goods_line_with_that_columns_rule(string ruleId, string field)
    {
        var line = Shipping();
        Change(line, field);

        var violation = WaybillLineAgainstGoods.Check(line, 2, WarehouseGoods.Wheat()).Single();

        Assert.That(violation.RuleId, Is.EqualTo(ruleId));
        Assert.That(violation.Property, Is.EqualTo($"productSet.products.product[2].{field}"));
        Assert.That(violation.Message, Does.StartWith(WaybillGoodsRules.All.Single(r => r.Id == ruleId).MessageRu + ": строка 3: «X»"));
    }

    [Test]
    public void Should_refuse_a_missing_position_when_the_goods_line_has_one_and_an_extra_one_when_it_has_none()
    {
        var missing = Shipping();
        missing.ProductNumberInDeclaration = null;
        var certificate = WarehouseGoods.Wheat() with { SourceKind = GoodsSourceKind.OriginCertificateKz, SourceNumber = "KZ 7100001", SourcePosition = null };
        var extra = Shipping(certificate);
        extra.ProductNumberInDeclaration = "1";

        Assert.That(WaybillLineAgainstGoods.Check(missing, 0, WarehouseGoods.Wheat()).Select(v => v.RuleId), Is.EqualTo(new[] { "VS-44" }));
        Assert.That(WaybillLineAgainstGoods.Check(extra, 0, certificate).Select(v => v.RuleId), Is.EqualTo(new[] { "VS-44" }));
        Assert.That(WaybillLineAgainstGoods.Check(Shipping(certificate), 0, certificate), Is.Empty, "no position on either side");
    }

    private static WaybillProduct Shipping(GoodsLine? goods = null)
    {
        var line = new WaybillProduct { Section = 1, Position = 1, TruOriginCode = "5", Quantity = 12m };
        line.Carry(goods ?? WarehouseGoods.Wheat(), 42);
        return line;
    }

    /// <summary>Puts «X» into one column of the line.</summary>
    private static void Change(WaybillProduct line, string field) => Changes[field](line);

    private static readonly Dictionary<string, Action<WaybillProduct>> Changes = new()
    {
        ["tnvedCode"] = l => l.TnvedCode = "X",
        ["measureUnitCode"] = l => l.MeasureUnitCode = "X",
        ["productDeclaration"] = l => l.ProductDeclaration = "X",
        ["productNumberInDeclaration"] = l => l.ProductNumberInDeclaration = "X",
        ["catalogTruId"] = l => l.CatalogTruId = "X",
    };
}
