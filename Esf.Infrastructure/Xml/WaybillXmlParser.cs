using System.Xml.Linq;
using Esf.Domain.Waybills.Document;

namespace Esf.Infrastructure.Xml;

/// <summary>
/// Maps an SntV1 element (<c>{v1.snt}snt</c>, children unqualified) to the complete <see cref="WaybillBody"/>.
/// It does not validate: <see cref="WaybillBodyReader"/> runs the XSD first and reports every schema error.
/// </summary>
public static class WaybillXmlParser
{
    public static WaybillBody Parse(string xml)
    {
        using var reader = System.Xml.XmlReader.Create(new StringReader(xml), SafeXml.ReaderSettings());
        return Parse(XElement.Load(reader));
    }

    public static WaybillBody Parse(XElement e) => new()
    {
        Date = e.Text("date"),
        Num = e.Text("num"),
        ShippingDate = e.Text("shippingDate"),
        Type = e.Text("type"),
        RelatedWaybill = e.Element("relatedSnt") is { } r ? new RelatedWaybill { RegistrationNumber = r.Text("registrationNumber"), Date = r.Text("date") } : null,
        ImportType = e.Text("importType"),
        ExportType = e.Text("exportType"),
        Seller = e.Element("seller") is { } seller ? Party(seller) : new WaybillParty(),
        Customer = e.Element("customer") is { } customer ? Party(customer) : new WaybillParty(),
        Consignor = e.Element("consignor") is { } consignor ? Shipper(consignor) : new WaybillShipper(),
        Consignee = e.Element("consignee") is { } consignee ? Shipper(consignee) : new WaybillShipper(),
        Shipping = e.Element("shipping") is { } s
            ? new WaybillShipping { TransportType = s.Text("transportType"), TransporterTin = s.Text("transporterTin"), VehicleNumber = s.Text("vehicleNumber") }
            : new WaybillShipping(),
        Contract = e.Element("contract") is { } c ? Contract(c) : new WaybillContract(),
        ProductSet = e.Element("productSet") is { } p ? ProductSet(p) : new WaybillProductSet(),
    };

    private static WaybillParty Party(XElement e) => new()
    {
        Tin = e.Text("tin"),
        NonResident = e.Bool("nonResident"),
        Name = e.Text("name"),
        Address = e.Text("address"),
        BranchTin = e.Text("branchTin"),
        ReorganizedTin = e.Text("reorganizedTin"),
        CountryCode = e.Text("countryCode"),
        Statuses = e.List("statuses", "status", s => s.Value),
        Agent = e.Element("agent") is { } a ? new WaybillAgent { Tin = a.Text("tin"), DocNum = a.Text("docNum"), DocDate = a.Text("docDate") } : null,
    };

    private static WaybillShipper Shipper(XElement e) => new()
    {
        Tin = e.Text("tin"), Name = e.Text("name"), Address = e.Text("address"), CountryCode = e.Text("countryCode"),
    };

    private static WaybillContract Contract(XElement e) => new()
    {
        HasContract = e.Bool("hasContract"),
        Num = e.Text("num"),
        Date = e.Text("date"),
        DeliveryCondition = e.Text("deliveryCondition"),
        PaymentTerms = e.Text("paymentTerms"),
        WarrantNum = e.Text("warrantNum"),
        WarrantDate = e.Text("warrantDate"),
    };

    private static WaybillProductSet ProductSet(XElement e) => new()
    {
        CurrencyCode = e.Text("currencyCode"),
        CurrencyRate = e.Decimal("currencyRate"),
        Products = e.List("products", "product", Product) ?? [],
    };

    private static WaybillProduct Product(XElement e) => new()
    {
        Section = e.Int("section"),
        Position = e.Int("position"),
        TruOriginCode = e.Text("truOriginCode"),
        Name = e.Text("name"),
        TnvedName = e.Text("tnvedName"),
        TnvedCode = e.Text("tnvedCode"),
        MeasureUnitCode = e.Text("measureUnitCode"),
        Quantity = e.Decimal("quantity"),
        UnitPrice = e.Decimal("unitPrice"),
        PriceWithoutTax = e.Decimal("priceWithoutTax"),
        ExciseRate = e.Decimal("exciseRate"),
        ExciseAmount = e.Decimal("exciseAmount"),
        NdsRate = e.Int("ndsRate"),
        NdsAmount = e.Decimal("ndsAmount"),
        PriceWithTax = e.Decimal("priceWithTax"),
        ProductDeclaration = e.Text("productDeclaration"),
        ProductNumberInDeclaration = e.Text("productNumberInDeclaration"),
        CatalogTruId = e.Text("catalogTruId"),
        Additional = e.Text("additional"),
        ProductId = e.Text("productId"),
    };
}
