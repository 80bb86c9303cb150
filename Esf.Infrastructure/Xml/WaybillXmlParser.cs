using Esf.Domain.Waybills.Document;

namespace Esf.Infrastructure.Xml;

/// <summary>
/// Maps an SntV1 element (<c>{v1.snt}snt</c>, children unqualified) to the complete <see cref="WaybillBody"/>, straight from the
/// reader (<see cref="ElementMap{T}"/>). <see cref="Parse"/> does not validate: <see cref="WaybillBodyReader"/> reads the same map
/// through the XSD-validating reader and reports every schema error.
/// </summary>
public static class WaybillXmlParser
{
    // Built in this order: a map is built before the maps that read it (static fields initialise top to bottom).
    private static readonly ElementMap<WaybillParty> Party = new ElementMap<WaybillParty>()
        .Text("tin", (x, v) => x.Tin = v)
        .Bool("nonResident", (x, v) => x.NonResident = v)
        .Text("name", (x, v) => x.Name = v)
        .Text("address", (x, v) => x.Address = v)
        .Text("branchTin", (x, v) => x.BranchTin = v)
        .Text("reorganizedTin", (x, v) => x.ReorganizedTin = v)
        .Text("countryCode", (x, v) => x.CountryCode = v)
        .Texts("statuses", "status", (x, v) => x.Statuses = v)
        .Object("agent", new ElementMap<WaybillAgent>()
            .Text("tin", (x, v) => x.Tin = v)
            .Text("docNum", (x, v) => x.DocNum = v)
            .Text("docDate", (x, v) => x.DocDate = v), (x, v) => x.Agent = v);

    private static readonly ElementMap<WaybillShipper> Shipper = new ElementMap<WaybillShipper>()
        .Text("tin", (x, v) => x.Tin = v)
        .Text("name", (x, v) => x.Name = v)
        .Text("address", (x, v) => x.Address = v)
        .Text("countryCode", (x, v) => x.CountryCode = v);

    private static readonly ElementMap<WaybillContract> Contract = new ElementMap<WaybillContract>()
        .Bool("hasContract", (x, v) => x.HasContract = v)
        .Text("num", (x, v) => x.Num = v)
        .Text("date", (x, v) => x.Date = v)
        .Text("deliveryCondition", (x, v) => x.DeliveryCondition = v)
        .Text("paymentTerms", (x, v) => x.PaymentTerms = v)
        .Text("warrantNum", (x, v) => x.WarrantNum = v)
        .Text("warrantDate", (x, v) => x.WarrantDate = v);

    private static readonly ElementMap<WaybillProduct> Product = new ElementMap<WaybillProduct>()
        .Int("section", (x, v) => x.Section = v)
        .Int("position", (x, v) => x.Position = v)
        .Text("truOriginCode", (x, v) => x.TruOriginCode = v)
        .Text("name", (x, v) => x.Name = v)
        .Text("tnvedName", (x, v) => x.TnvedName = v)
        .Text("tnvedCode", (x, v) => x.TnvedCode = v)
        .Text("measureUnitCode", (x, v) => x.MeasureUnitCode = v)
        .Decimal("quantity", (x, v) => x.Quantity = v)
        .Decimal("unitPrice", (x, v) => x.UnitPrice = v)
        .Decimal("priceWithoutTax", (x, v) => x.PriceWithoutTax = v)
        .Decimal("exciseRate", (x, v) => x.ExciseRate = v)
        .Decimal("exciseAmount", (x, v) => x.ExciseAmount = v)
        .Int("ndsRate", (x, v) => x.NdsRate = v)
        .Decimal("ndsAmount", (x, v) => x.NdsAmount = v)
        .Decimal("priceWithTax", (x, v) => x.PriceWithTax = v)
        .Text("productDeclaration", (x, v) => x.ProductDeclaration = v)
        .Text("productNumberInDeclaration", (x, v) => x.ProductNumberInDeclaration = v)
        .Text("catalogTruId", (x, v) => x.CatalogTruId = v)
        .Text("additional", (x, v) => x.Additional = v)
        .Text("productId", (x, v) => x.ProductId = v);

    private static readonly ElementMap<WaybillProductSet> ProductSet = new ElementMap<WaybillProductSet>()
        .Text("currencyCode", (x, v) => x.CurrencyCode = v)
        .Decimal("currencyRate", (x, v) => x.CurrencyRate = v)
        .List("products", "product", Product, (x, v) => x.Products = v);

    internal static readonly ElementMap<WaybillBody> Waybill = new ElementMap<WaybillBody>()
        .Text("date", (x, v) => x.Date = v)
        .Text("num", (x, v) => x.Num = v)
        .Text("shippingDate", (x, v) => x.ShippingDate = v)
        .Text("type", (x, v) => x.Type = v)
        .Object("relatedSnt", new ElementMap<RelatedWaybill>()
            .Text("registrationNumber", (x, v) => x.RegistrationNumber = v)
            .Text("date", (x, v) => x.Date = v), (x, v) => x.RelatedWaybill = v)
        .Text("importType", (x, v) => x.ImportType = v)
        .Text("exportType", (x, v) => x.ExportType = v)
        .Object("seller", Party, (x, v) => x.Seller = v)
        .Object("customer", Party, (x, v) => x.Customer = v)
        .Object("consignor", Shipper, (x, v) => x.Consignor = v)
        .Object("consignee", Shipper, (x, v) => x.Consignee = v)
        .Object("shipping", new ElementMap<WaybillShipping>()
            .Text("transportType", (x, v) => x.TransportType = v)
            .Text("transporterTin", (x, v) => x.TransporterTin = v)
            .Text("vehicleNumber", (x, v) => x.VehicleNumber = v), (x, v) => x.Shipping = v)
        .Object("contract", Contract, (x, v) => x.Contract = v)
        .Object("productSet", ProductSet, (x, v) => x.ProductSet = v);

    public static WaybillBody Parse(string xml) => Waybill.Parse(xml);
}
