using System.Xml;
using Esf.Domain.Invoices.Document;

namespace Esf.Infrastructure.Xml;

/// <summary>Writes section G and the participants of section H in schema (alphabetical) order.</summary>
internal static class ProductXmlWriter
{
    public static void ProductSet(XmlWriter w, ProductSet s)
    {
        w.Opt("currencyCode", s.CurrencyCode);
        w.Opt("currencyRate", s.CurrencyRate);
        w.Opt("ndsRateType", s.NdsRateType);
        w.List("products", "product", s.Products, Product);
        w.Opt("totalExciseAmount", s.TotalExciseAmount);
        w.Opt("totalNdsAmount", s.TotalNdsAmount);
        w.Opt("totalPriceWithTax", s.TotalPriceWithTax);
        w.Opt("totalPriceWithoutTax", s.TotalPriceWithoutTax);
        w.Opt("totalTurnoverSize", s.TotalTurnoverSize);
    }

    private static void Product(XmlWriter w, Product p)
    {
        w.Opt("additional", p.Additional);
        w.Opt("additionalUnitNomenclature", p.AdditionalUnitNomenclature);
        w.Opt("catalogTruId", p.CatalogTruId);
        w.Opt("description", p.Description);
        w.Opt("exciseAmount", p.ExciseAmount);
        w.Opt("exciseRate", p.ExciseRate);
        w.Opt("gtinCode", p.GtinCode);
        w.Opt("kpvedCode", p.KpvedCode);
        w.Opt("ndsAmount", p.NdsAmount);
        w.Opt("ndsRate", p.NdsRate);
        w.Opt("priceWithTax", p.PriceWithTax);
        w.Opt("priceWithoutTax", p.PriceWithoutTax);
        w.Opt("productDeclaration", p.ProductDeclaration);
        w.Opt("productNumberInDeclaration", p.ProductNumberInDeclaration);
        w.Opt("productNumberInSnt", p.ProductNumberInSnt);
        w.Opt("quantitativeQuantity", p.QuantitativeQuantity);
        w.Opt("quantitativeUnitNomenclature", p.QuantitativeUnitNomenclature);
        w.Opt("quantity", p.Quantity);
        w.Opt("tnvedName", p.TnvedName);
        w.Opt("truOriginCode", p.TruOriginCode);
        w.Opt("turnoverAdjustment", p.TurnoverAdjustment);
        w.Opt("turnoverCode", p.TurnoverCode);
        w.Opt("turnoverSize", p.TurnoverSize);
        w.Opt("unitCode", p.UnitCode);
        w.Opt("unitNomenclature", p.UnitNomenclature);
        w.Opt("unitPrice", p.UnitPrice);
    }

    public static void Participant(XmlWriter w, Participant p)
    {
        w.List("productShares", "share", p.ProductShares, Share);
        w.Opt("reorganizedTin", p.ReorganizedTin);
        w.Opt("tin", p.Tin);
    }

    private static void Share(XmlWriter w, ProductShare s)
    {
        w.Opt("additional", s.Additional);
        w.Opt("additionalUnitNomenclature", s.AdditionalUnitNomenclature);
        w.Opt("exciseAmount", s.ExciseAmount);
        w.Opt("ndsAmount", s.NdsAmount);
        w.Opt("ndsRate", s.NdsRate);
        w.Opt("priceWithTax", s.PriceWithTax);
        w.Opt("priceWithoutTax", s.PriceWithoutTax);
        w.Opt("productNumber", s.ProductNumber);
        w.Opt("productNumberInSnt", s.ProductNumberInSnt);
        w.Opt("quantitativeQuantity", s.QuantitativeQuantity);
        w.Opt("quantity", s.Quantity);
        w.Opt("turnoverSize", s.TurnoverSize);
    }
}
