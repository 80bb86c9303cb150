using System.Xml;
using Esf.Domain.Waybills.Document;

namespace Esf.Infrastructure.Xml;

/// <summary>Writes a <see cref="WaybillBody"/> in its canonical shape: <c>&lt;snt:snt xmlns:snt="v1.snt"&gt;</c>, unqualified children in schema order.</summary>
public static class WaybillXmlWriter
{
    public static string Write(WaybillBody body, bool indent = false) => XmlWriterValues.Render(w => WriteWaybill(w, body), indent);

    private static void WriteWaybill(XmlWriter w, WaybillBody b)
    {
        w.WriteStartElement("snt", "snt", WaybillBodyReader.SntV1Namespace);
        w.Opt("date", b.Date);
        w.Opt("num", b.Num);
        w.Opt("shippingDate", b.ShippingDate);
        w.Opt("type", b.Type);
        w.Block("relatedSnt", b.RelatedWaybill, (x, r) =>
        {
            x.Opt("registrationNumber", r.RegistrationNumber);
            x.Opt("date", r.Date);
        });
        w.Opt("importType", b.ImportType);
        w.Opt("exportType", b.ExportType);
        w.Block("seller", b.Seller, Party);
        w.Block("customer", b.Customer, Party);
        w.Block("consignor", b.Consignor, Shipper);
        w.Block("consignee", b.Consignee, Shipper);
        w.Block("shipping", b.Shipping, (x, s) =>
        {
            x.Opt("transportType", s.TransportType);
            x.Opt("transporterTin", s.TransporterTin);
            x.Opt("vehicleNumber", s.VehicleNumber);
        });
        w.Block("contract", b.Contract, (x, c) =>
        {
            x.Opt("hasContract", c.HasContract);
            x.Opt("num", c.Num);
            x.Opt("date", c.Date);
            x.Opt("deliveryCondition", c.DeliveryCondition);
            x.Opt("paymentTerms", c.PaymentTerms);
            x.Opt("warrantNum", c.WarrantNum);
            x.Opt("warrantDate", c.WarrantDate);
        });
        w.Block("productSet", b.ProductSet, (x, p) =>
        {
            x.Opt("currencyCode", p.CurrencyCode);
            x.Opt("currencyRate", p.CurrencyRate);
            x.List("products", "product", p.Products, Product);
        });
        w.WriteEndElement();
    }

    private static void Party(XmlWriter w, WaybillParty p)
    {
        w.Opt("tin", p.Tin);
        w.Opt("nonResident", p.NonResident);
        w.Opt("name", p.Name);
        w.Opt("address", p.Address);
        w.Opt("branchTin", p.BranchTin);
        w.Opt("reorganizedTin", p.ReorganizedTin);
        w.Opt("countryCode", p.CountryCode);
        w.List("statuses", "status", p.Statuses, (x, v) => x.WriteString(v));
        w.Block("agent", p.Agent, (x, a) =>
        {
            x.Opt("tin", a.Tin);
            x.Opt("docNum", a.DocNum);
            x.Opt("docDate", a.DocDate);
        });
    }

    private static void Shipper(XmlWriter w, WaybillShipper s)
    {
        w.Opt("tin", s.Tin);
        w.Opt("name", s.Name);
        w.Opt("address", s.Address);
        w.Opt("countryCode", s.CountryCode);
    }

    private static void Product(XmlWriter w, WaybillProduct p)
    {
        w.Opt("section", p.Section);
        w.Opt("position", p.Position);
        w.Opt("truOriginCode", p.TruOriginCode);
        w.Opt("name", p.Name);
        w.Opt("tnvedName", p.TnvedName);
        w.Opt("tnvedCode", p.TnvedCode);
        w.Opt("measureUnitCode", p.MeasureUnitCode);
        w.Opt("quantity", p.Quantity);
        w.Opt("unitPrice", p.UnitPrice);
        w.Opt("priceWithoutTax", p.PriceWithoutTax);
        w.Opt("exciseRate", p.ExciseRate);
        w.Opt("exciseAmount", p.ExciseAmount);
        w.Opt("ndsRate", p.NdsRate);
        w.Opt("ndsAmount", p.NdsAmount);
        w.Opt("priceWithTax", p.PriceWithTax);
        w.Opt("productDeclaration", p.ProductDeclaration);
        w.Opt("productNumberInDeclaration", p.ProductNumberInDeclaration);
        w.Opt("catalogTruId", p.CatalogTruId);
        w.Opt("additional", p.Additional);
        w.Opt("productId", p.ProductId);
    }
}
