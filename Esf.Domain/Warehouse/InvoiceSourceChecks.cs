using System.Globalization;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules;
using Esf.Domain.Rules.Document;
using Esf.Domain.Waybills.Document;

namespace Esf.Domain.Warehouse;

/// <summary>An invoice line that names a ФНО 328.00 position: its 0-based index, the 18-digit number (G15) and the position (G16, null when not a number).</summary>
public sealed record FnoCitation(int Index, string Number, int? Position);

/// <summary>The pure side of <see cref="InvoiceSourceRules"/> (VS-46, VS-47): what an invoice cites, and whether the facts read for it allow it.</summary>
public static class InvoiceSourceChecks
{
    private const int FnoNumberLength = 18;

    /// <summary>The lines of origin «1» or «2» whose G15 is an 18-digit import application number (seed 001 L2502–2508).</summary>
    public static IReadOnlyList<FnoCitation> FnoCitations(IReadOnlyList<Product> products)
    {
        // Most invoices cite none: no list is allocated for them (the plain path's allocations are measured).
        List<FnoCitation>? citations = null;
        for (var i = 0; i < products.Count; i++)
        {
            if (FnoMatching.IsImported(products[i].TruOriginCode) && products[i].ProductDeclaration?.Trim() is { } number && IsFnoNumber(number))
            {
                (citations ??= []).Add(new FnoCitation(i, number, int.TryParse(products[i].ProductNumberInDeclaration?.Trim(), NumberStyles.None,
                    CultureInfo.InvariantCulture, out var position) ? position : null));
            }
        }

        return citations ?? (IReadOnlyList<FnoCitation>)[];
    }

    /// <summary>VS-46: every cited position must be among the matched ones (number and position of matchings of registered waybills).</summary>
    public static IEnumerable<RuleViolation> CheckFnoMatched(IEnumerable<FnoCitation> citations, IReadOnlySet<(string Number, int Position)> matched) =>
        citations.Where(c => c.Position is not { } position || !matched.Contains((c.Number, position)))
            .Select(c => InvoiceSourceRules.FnoMustBeMatched.Violation(Paths.Product(c.Index, "productNumberInDeclaration"),
                string.Create(CultureInfo.InvariantCulture, $"строка {c.Index + 1}: ФНО 328.00 {c.Number}, позиция {c.Position?.ToString(CultureInfo.InvariantCulture) ?? "—"}")));

    /// <summary>
    /// VS-47: the warehouse lines of an invoice issued on <paramref name="waybill"/> that would move goods the waybill moved: the invoice
    /// line is a waybill line naming a goods line (by G1, productNumberInSnt), or the line draws on a goods line the waybill ships, or
    /// (ADR 0039 amendment) the invoice line is none of the waybill's lines and is the same goods (<see cref="GoodsKind"/>) as a line the
    /// waybill ships, drawn from another goods line (another price or warehouse). An invoice line that is a waybill line which moved
    /// nothing may still move, even when the waybill ships the same goods on another line.
    /// </summary>
    public static IEnumerable<RuleViolation> CheckNotMovedByWaybill(
        IReadOnlyList<Product> products, IReadOnlyList<WarehouseLineRef> lines, IReadOnlyList<WaybillProduct> waybill)
    {
        var shipping = waybill.Where(p => p.WarehouseGoodsId is not null).ToList();
        if (shipping.Count == 0)
        {
            return [];
        }

        var shippedKeys = shipping.Select(p => p.Key).ToHashSet();
        var shippedGoods = shipping.Select(p => p.WarehouseGoodsId!.Value).ToHashSet();
        var shippedKinds = shipping.Select(GoodsKind.Of).ToHashSet();
        var waybillKeys = waybill.Select(p => p.Key).ToHashSet();
        return lines.Where(l => shippedGoods.Contains(l.GoodsId) || (l.Line >= 1 && l.Line <= products.Count && MovedByWaybill(products[l.Line - 1])))
            .Select(l => InvoiceSourceRules.WaybillGoodsMoveOnce.Violation("warehouseLines",
                string.Create(CultureInfo.InvariantCulture, $"строка {l.Line}: позиция склада {l.GoodsId}")));

        bool MovedByWaybill(Product line) => line.ProductNumberInSnt?.Trim() is { } key && waybillKeys.Contains(key)
            ? shippedKeys.Contains(key)
            : shippedKinds.Contains(GoodsKind.Of(line));
    }

    private static bool IsFnoNumber(string value) => value.Length == FnoNumberLength && value.All(char.IsAsciiDigit);
}
