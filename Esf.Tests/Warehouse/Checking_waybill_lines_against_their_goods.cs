using Esf.Domain.Warehouse;
using Esf.Infrastructure.Warehouse;
using NUnit.Framework;
using static Esf.Tests.Warehouse.Moving_goods_with_waybills;

namespace Esf.Tests.Warehouse;

/// <summary>
/// A waybill line shipping a goods line (productId) is compared with it when the worker registers the waybill (VS-41 … VS-45): a
/// column that differs FAILS the waybill with that column's rule, and nothing of it moves. The passing case is the line as the
/// Module fills it, which every test of <see cref="Moving_goods_with_waybills"/> registers.
/// </summary>
[TestFixture]
public sealed class Checking_waybill_lines_against_their_goods
{
    [TestCase("VS-41", "4802569000", TestName = "Another ТН ВЭД code fails with VS-41")]
    [TestCase("VS-42", "796", TestName = "Another unit fails with VS-42")]
    [TestCase("VS-43", "12345/060316/9123457", TestName = "Another source document (G15) fails with VS-43")]
    [TestCase("VS-44", "2", TestName = "Another position in it (G16) fails with VS-44")]
    [TestCase("VS-45", "01.11.11.02", TestName = "Another ГС ВС code (G17) fails with VS-45")]
    public async Task Should_fail_a_waybill_whose_line_differs_from_the_goods_line_it_ships_and_move_nothing(string ruleId, string value)
    {
        // Arrange
        using var parties = await StartAsync();
        var (sellerWarehouse, goodsId) = await SellerHoldsAsync(parties, 20m);
        var body = Shipping(parties, goodsId, b => Columns[ruleId](b.ProductSet.Products[0], value));

        // Act
        var failed = await parties.ProcessedAsync((await parties.UploadAcceptedAsync(body)).Single());

        // Assert
        Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("FAILED"), failed.ToString());
        var error = failed.GetProperty("errors").EnumerateArray().Single();
        Assert.That(error.GetProperty("ruleId").GetString(), Is.EqualTo(ruleId));
        Assert.That(error.GetProperty("message").GetString(), Does.StartWith(WaybillGoodsRules.All.Single(r => r.Id == ruleId).MessageRu));
        Assert.That(await QuantitiesAsync(parties.Seller, sellerWarehouse), Is.EqualTo(new[] { 20m }));
        Assert.That(await KindsAsync(parties.Seller, sellerWarehouse), Is.EqualTo(new[] { MovementCauses.Receipt }), "no movement kept");
    }

    private static readonly Dictionary<string, Action<Esf.Domain.Waybills.Document.WaybillProduct, string>> Columns = new()
    {
        ["VS-41"] = (line, value) => line.TnvedCode = value,
        ["VS-42"] = (line, value) => line.MeasureUnitCode = value,
        ["VS-43"] = (line, value) => line.ProductDeclaration = value,
        ["VS-44"] = (line, value) => line.ProductNumberInDeclaration = value,
        ["VS-45"] = (line, value) => line.CatalogTruId = value,
    };
}
