using Esf.Domain.Invoices.Document;

namespace Esf.Infrastructure.Xml;

/// <summary>The maps of section G (product set and lines) and the participants of section H.</summary>
internal static class ProductParser
{
    // Built in this order: a map is built before the maps that read it (static fields initialise top to bottom).
    private static readonly ElementMap<ProductShare> Share = new ElementMap<ProductShare>()
        .Text("additional", (x, v) => x.Additional = v)
        .Text("additionalUnitNomenclature", (x, v) => x.AdditionalUnitNomenclature = v)
        .Decimal("exciseAmount", (x, v) => x.ExciseAmount = v)
        .Decimal("ndsAmount", (x, v) => x.NdsAmount = v)
        .Int("ndsRate", (x, v) => x.NdsRate = v)
        .Decimal("priceWithTax", (x, v) => x.PriceWithTax = v)
        .Decimal("priceWithoutTax", (x, v) => x.PriceWithoutTax = v)
        .Int("productNumber", (x, v) => x.ProductNumber = v)
        .Text("productNumberInSnt", (x, v) => x.ProductNumberInSnt = v)
        .Decimal("quantitativeQuantity", (x, v) => x.QuantitativeQuantity = v)
        .Decimal("quantity", (x, v) => x.Quantity = v)
        .Decimal("turnoverSize", (x, v) => x.TurnoverSize = v);

    public static readonly ElementMap<Participant> Participant = new ElementMap<Participant>()
        .List("productShares", "share", Share, (x, v) => x.ProductShares = v)
        .Text("reorganizedTin", (x, v) => x.ReorganizedTin = v)
        .Text("tin", (x, v) => x.Tin = v);

    public static readonly ElementMap<Product> Product = new ElementMap<Product>()
        .Text("additional", (x, v) => x.Additional = v)
        .Text("additionalUnitNomenclature", (x, v) => x.AdditionalUnitNomenclature = v)
        .Text("catalogTruId", (x, v) => x.CatalogTruId = v)
        .Text("description", (x, v) => x.Description = v)
        .Decimal("exciseAmount", (x, v) => x.ExciseAmount = v)
        .Decimal("exciseRate", (x, v) => x.ExciseRate = v)
        .Text("gtinCode", (x, v) => x.GtinCode = v)
        .Text("kpvedCode", (x, v) => x.KpvedCode = v)
        .Decimal("ndsAmount", (x, v) => x.NdsAmount = v)
        .Int("ndsRate", (x, v) => x.NdsRate = v)
        .Decimal("priceWithTax", (x, v) => x.PriceWithTax = v)
        .Decimal("priceWithoutTax", (x, v) => x.PriceWithoutTax = v)
        .Text("productDeclaration", (x, v) => x.ProductDeclaration = v)
        .Text("productNumberInDeclaration", (x, v) => x.ProductNumberInDeclaration = v)
        .Text("productNumberInSnt", (x, v) => x.ProductNumberInSnt = v)
        .Decimal("quantitativeQuantity", (x, v) => x.QuantitativeQuantity = v)
        .Text("quantitativeUnitNomenclature", (x, v) => x.QuantitativeUnitNomenclature = v)
        .Decimal("quantity", (x, v) => x.Quantity = v)
        .Text("tnvedName", (x, v) => x.TnvedName = v)
        .Text("truOriginCode", (x, v) => x.TruOriginCode = v)
        .Int("turnoverAdjustment", (x, v) => x.TurnoverAdjustment = v)
        .Text("turnoverCode", (x, v) => x.TurnoverCode = v)
        .Decimal("turnoverSize", (x, v) => x.TurnoverSize = v)
        .Text("unitCode", (x, v) => x.UnitCode = v)
        .Text("unitNomenclature", (x, v) => x.UnitNomenclature = v)
        .Decimal("unitPrice", (x, v) => x.UnitPrice = v);

    public static readonly ElementMap<ProductSet> ProductSet = new ElementMap<ProductSet>()
        .Text("currencyCode", (x, v) => x.CurrencyCode = v)
        .Decimal("currencyRate", (x, v) => x.CurrencyRate = v)
        .Text("ndsRateType", (x, v) => x.NdsRateType = v)
        .List("products", "product", Product, (x, v) => x.Products = v)
        .Decimal("totalExciseAmount", (x, v) => x.TotalExciseAmount = v)
        .Decimal("totalNdsAmount", (x, v) => x.TotalNdsAmount = v)
        .Decimal("totalPriceWithTax", (x, v) => x.TotalPriceWithTax = v)
        .Decimal("totalPriceWithoutTax", (x, v) => x.TotalPriceWithoutTax = v)
        .Decimal("totalTurnoverSize", (x, v) => x.TotalTurnoverSize = v);
}
