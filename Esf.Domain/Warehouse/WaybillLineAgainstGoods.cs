using System.Globalization;
using Esf.Domain.Rules;
using Esf.Domain.Waybills.Document;
using static Esf.Domain.Rules.Waybills.WaybillDefine;

namespace Esf.Domain.Warehouse;

/// <summary>
/// Compares a waybill line that ships a goods line (<c>productId</c>) with that goods line: ТН ВЭД, unit, source document (G15), its
/// position (G16) and the ГС ВС code (G17), one violation per column that differs (VS-41 … VS-45), as an invoice line is (VS-08 … VS-12).
/// </summary>
public static class WaybillLineAgainstGoods
{
    /// <param name="index">The line's 0-based index in the waybill's product set (for the property path).</param>
    public static IEnumerable<RuleViolation> Check(WaybillProduct product, int index, GoodsLine goods) => GoodsColumn.Differing(
    [
        new(WaybillGoodsRules.TnvedMustMatchGoods, "tnvedCode", product.TnvedCode, goods.TnvedCode),
        new(WaybillGoodsRules.UnitMustMatchGoods, "measureUnitCode", product.MeasureUnitCode, goods.Unit),
        new(WaybillGoodsRules.DeclarationMustMatchGoods, "productDeclaration", product.ProductDeclaration, goods.SourceNumber),
        new(WaybillGoodsRules.PositionMustMatchGoods, "productNumberInDeclaration", product.ProductNumberInDeclaration,
            goods.SourcePosition?.ToString(CultureInfo.InvariantCulture)),
        new(WaybillGoodsRules.CatalogueIdMustMatchGoods, "catalogTruId", product.CatalogTruId, goods.GsvsCode),
    ], index, Product);
}
