namespace Esf.Domain.Warehouse;

/// <summary>
/// The columns of an invoice line the Module fills from a goods line (Rules p.58–60, p.70–72; spec-rest §2.1), named as the
/// invoice's product fields: G3/1 <c>tnvedName</c> (the name per ДТ or ФНО 328.00), G4 <c>unitCode</c> (ТН ВЭД), G5
/// <c>unitNomenclature</c> (the unit), G15 <c>productDeclaration</c>, G16 <c>productNumberInDeclaration</c> and G17
/// <c>catalogTruId</c>, which takes the ГС ВС code (the seeds leave open whether the catalogue of G17 is ГС ВС; we take it is).
/// </summary>
public sealed record InvoiceLinePrefill(
    long GoodsId, string TnvedName, string UnitCode, string UnitNomenclature, string ProductDeclaration, string? ProductNumberInDeclaration,
    string CatalogTruId, decimal UnitPrice, decimal Available)
{
    public static InvoiceLinePrefill From(long goodsId, GoodsLine goods, decimal available) => new(goodsId, goods.SourceName, goods.TnvedCode,
        goods.Unit, goods.SourceNumber, goods.SourcePosition?.ToString(System.Globalization.CultureInfo.InvariantCulture), goods.GsvsCode, goods.Price,
        available);
}
