using System.Globalization;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules;
using Esf.Domain.Rules.Document;

namespace Esf.Domain.Warehouse;

/// <summary>
/// Compares the columns the Module fills (G3/1, G4, G5, G15, G16, G17) of one invoice line with the goods line it names:
/// one violation per column that differs (VS-07 … VS-12). The same mapping as the pre-fill (<see cref="InvoiceLinePrefill"/>).
/// </summary>
public static class InvoiceLineAgainstGoods
{
    /// <param name="index">The line's 0-based index in section G (for the property path).</param>
    public static IEnumerable<RuleViolation> Check(Product product, int index, GoodsLine goods)
    {
        var expected = InvoiceLinePrefill.From(0, goods, 0);
        return GoodsColumn.Differing(
        [
            new(InvoiceGoodsRules.NameMustMatchGoods, Paths.Product(index, "tnvedName"), product.TnvedName, expected.TnvedName),
            new(InvoiceGoodsRules.TnvedMustMatchGoods, Paths.Product(index, "unitCode"), product.UnitCode, expected.UnitCode),
            new(InvoiceGoodsRules.UnitMustMatchGoods, Paths.Product(index, "unitNomenclature"), product.UnitNomenclature, expected.UnitNomenclature),
            new(InvoiceGoodsRules.DeclarationMustMatchGoods, Paths.Product(index, "productDeclaration"), product.ProductDeclaration,
                expected.ProductDeclaration),
            new(InvoiceGoodsRules.PositionMustMatchGoods, Paths.Product(index, "productNumberInDeclaration"), product.ProductNumberInDeclaration,
                expected.ProductNumberInDeclaration),
            new(InvoiceGoodsRules.CatalogueIdMustMatchGoods, Paths.Product(index, "catalogTruId"), product.CatalogTruId, expected.CatalogTruId),
        ], index);
    }

    /// <summary>VS-15: the references name existing lines of section G, each once, each line with a quantity other than zero.</summary>
    public static IEnumerable<RuleViolation> CheckReferences(IReadOnlyList<Product> products, IReadOnlyList<WarehouseLineRef> lines) =>
        lines.Where(l => l.Line < 1 || l.Line > products.Count || products[l.Line - 1].Quantity is null or 0
                || lines.Count(other => other.Line == l.Line) > 1)
            .Select(l => InvoiceGoodsRules.LineMustBeNamedOnce.Violation("warehouseLines", string.Create(CultureInfo.InvariantCulture, $"строка {l.Line}")));
}
