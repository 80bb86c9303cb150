using System.Xml.Linq;
using Esf.Domain.Invoices.Document;

namespace Esf.Infrastructure.Xml;

/// <summary>Reads section G (product set and lines) and the participants of section H.</summary>
internal static class ProductParser
{
    public static ProductSet ProductSet(XElement e) => new()
    {
        CurrencyCode = e.Text("currencyCode"),
        CurrencyRate = e.Decimal("currencyRate"),
        NdsRateType = e.Text("ndsRateType"),
        Products = e.List("products", "product", Product) ?? [],
        TotalExciseAmount = e.Decimal("totalExciseAmount"),
        TotalNdsAmount = e.Decimal("totalNdsAmount"),
        TotalPriceWithTax = e.Decimal("totalPriceWithTax"),
        TotalPriceWithoutTax = e.Decimal("totalPriceWithoutTax"),
        TotalTurnoverSize = e.Decimal("totalTurnoverSize"),
    };

    public static Product Product(XElement e) => new()
    {
        Additional = e.Text("additional"),
        AdditionalUnitNomenclature = e.Text("additionalUnitNomenclature"),
        CatalogTruId = e.Text("catalogTruId"),
        Description = e.Text("description"),
        ExciseAmount = e.Decimal("exciseAmount"),
        ExciseRate = e.Decimal("exciseRate"),
        GtinCode = e.Text("gtinCode"),
        KpvedCode = e.Text("kpvedCode"),
        NdsAmount = e.Decimal("ndsAmount"),
        NdsRate = e.Int("ndsRate"),
        PriceWithTax = e.Decimal("priceWithTax"),
        PriceWithoutTax = e.Decimal("priceWithoutTax"),
        ProductDeclaration = e.Text("productDeclaration"),
        ProductNumberInDeclaration = e.Text("productNumberInDeclaration"),
        ProductNumberInSnt = e.Text("productNumberInSnt"),
        QuantitativeQuantity = e.Decimal("quantitativeQuantity"),
        QuantitativeUnitNomenclature = e.Text("quantitativeUnitNomenclature"),
        Quantity = e.Decimal("quantity"),
        TnvedName = e.Text("tnvedName"),
        TruOriginCode = e.Text("truOriginCode"),
        TurnoverAdjustment = e.Int("turnoverAdjustment"),
        TurnoverCode = e.Text("turnoverCode"),
        TurnoverSize = e.Decimal("turnoverSize"),
        UnitCode = e.Text("unitCode"),
        UnitNomenclature = e.Text("unitNomenclature"),
        UnitPrice = e.Decimal("unitPrice"),
    };

    public static Participant Participant(XElement e) => new()
    {
        ProductShares = e.List("productShares", "share", Share) ?? [],
        ReorganizedTin = e.Text("reorganizedTin"),
        Tin = e.Text("tin"),
    };

    private static ProductShare Share(XElement e) => new()
    {
        Additional = e.Text("additional"),
        AdditionalUnitNomenclature = e.Text("additionalUnitNomenclature"),
        ExciseAmount = e.Decimal("exciseAmount"),
        NdsAmount = e.Decimal("ndsAmount"),
        NdsRate = e.Int("ndsRate"),
        PriceWithTax = e.Decimal("priceWithTax"),
        PriceWithoutTax = e.Decimal("priceWithoutTax"),
        ProductNumber = e.Int("productNumber"),
        ProductNumberInSnt = e.Text("productNumberInSnt"),
        QuantitativeQuantity = e.Decimal("quantitativeQuantity"),
        Quantity = e.Decimal("quantity"),
        TurnoverSize = e.Decimal("turnoverSize"),
    };
}
