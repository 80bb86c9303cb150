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
        (RuleDefinition Rule, string Field, string? Actual, string? Expected)[] columns =
        [
            (InvoiceGoodsRules.NameMustMatchGoods, "tnvedName", product.TnvedName, expected.TnvedName),
            (InvoiceGoodsRules.TnvedMustMatchGoods, "unitCode", product.UnitCode, expected.UnitCode),
            (InvoiceGoodsRules.UnitMustMatchGoods, "unitNomenclature", product.UnitNomenclature, expected.UnitNomenclature),
            (InvoiceGoodsRules.DeclarationMustMatchGoods, "productDeclaration", product.ProductDeclaration, expected.ProductDeclaration),
            (InvoiceGoodsRules.PositionMustMatchGoods, "productNumberInDeclaration", product.ProductNumberInDeclaration,
                expected.ProductNumberInDeclaration),
            (InvoiceGoodsRules.CatalogueIdMustMatchGoods, "catalogTruId", product.CatalogTruId, expected.CatalogTruId),
        ];
        return columns.Where(c => !Same(c.Actual, c.Expected))
            .Select(c => c.Rule.Violation(Paths.Product(index, c.Field), string.Create(CultureInfo.InvariantCulture,
                $"строка {index + 1}: «{c.Actual?.Trim()}», на складе «{c.Expected}»")));
    }

    /// <summary>VS-15: the references name existing lines of section G, each once, each line with a quantity other than zero.</summary>
    public static IEnumerable<RuleViolation> CheckReferences(IReadOnlyList<Product> products, IReadOnlyList<WarehouseLineRef> lines) =>
        lines.Where(l => l.Line < 1 || l.Line > products.Count || products[l.Line - 1].Quantity is null or 0
                || lines.Count(other => other.Line == l.Line) > 1)
            .Select(l => InvoiceGoodsRules.LineMustBeNamedOnce.Violation("warehouseLines", string.Create(CultureInfo.InvariantCulture, $"строка {l.Line}")));

    private static bool Same(string? actual, string? expected) =>
        string.Equals(actual?.Trim() is { Length: > 0 } a ? a : null, expected is { Length: > 0 } e ? e : null, StringComparison.Ordinal);
}
