using Esf.Domain.Invoices.Document;
using Esf.Domain.Waybills.Document;

namespace Esf.Domain.Warehouse;

/// <summary>
/// What makes two document lines the same goods whatever goods line they are drawn from: the columns a line must carry exactly as its
/// goods line (ТН ВЭД, unit, source document G15 and its position G16, the ГС ВС code G17, VS-08 … VS-12 and VS-41 … VS-45), not the
/// price, the warehouse or the name, which tell goods lines of the same goods apart. Trimmed; empty counts as absent.
/// </summary>
public readonly record struct GoodsKind(string? Tnved, string? Unit, string? Declaration, string? Position, string? Catalogue)
{
    /// <summary>An invoice line's: G4 (<c>unitCode</c> is the ТН ВЭД code), G5 (<c>unitNomenclature</c>), G15, G16, G17.</summary>
    public static GoodsKind Of(Product line) =>
        new(Clean(line.UnitCode), Clean(line.UnitNomenclature), Clean(line.ProductDeclaration), Clean(line.ProductNumberInDeclaration), Clean(line.CatalogTruId));

    public static GoodsKind Of(WaybillProduct line) =>
        new(Clean(line.TnvedCode), Clean(line.MeasureUnitCode), Clean(line.ProductDeclaration), Clean(line.ProductNumberInDeclaration), Clean(line.CatalogTruId));

    private static string? Clean(string? value) => value?.Trim() is { Length: > 0 } text ? text : null;
}
