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
            new(InvoiceGoodsRules.NameMustMatchGoods, "tnvedName", product.TnvedName, expected.TnvedName),
            new(InvoiceGoodsRules.TnvedMustMatchGoods, "unitCode", product.UnitCode, expected.UnitCode),
            new(InvoiceGoodsRules.UnitMustMatchGoods, "unitNomenclature", product.UnitNomenclature, expected.UnitNomenclature),
            new(InvoiceGoodsRules.DeclarationMustMatchGoods, "productDeclaration", product.ProductDeclaration, expected.ProductDeclaration),
            new(InvoiceGoodsRules.PositionMustMatchGoods, "productNumberInDeclaration", product.ProductNumberInDeclaration,
                expected.ProductNumberInDeclaration),
            new(InvoiceGoodsRules.CatalogueIdMustMatchGoods, "catalogTruId", product.CatalogTruId, expected.CatalogTruId),
        ], index, Paths.Product);
    }

    /// <summary>VS-15: the references name existing lines of section G, each once, each line with a quantity other than zero.</summary>
    /// <param name="violations">Where the violations are added (the caller's list of the sale's violations).</param>
    public static void CheckReferences(IReadOnlyList<Product> products, IReadOnlyList<WarehouseLineRef> lines, List<RuleViolation> violations)
    {
        // Loops, not a LINQ chain with a closure per call: the worker runs this for every sale (a few lines each).
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Line;
            if (line < 1 || line > products.Count || products[line - 1].Quantity is null or 0 || NamedAgain(lines, line))
            {
                violations.Add(InvoiceGoodsRules.LineMustBeNamedOnce.Violation("warehouseLines", string.Create(CultureInfo.InvariantCulture, $"строка {line}")));
            }
        }
    }

    private static bool NamedAgain(IReadOnlyList<WarehouseLineRef> lines, int line)
    {
        var times = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Line == line && ++times > 1)
            {
                return true;
            }
        }

        return false;
    }
}
