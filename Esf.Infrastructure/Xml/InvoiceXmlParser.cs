using System.Xml;
using Esf.Domain.Invoices.Document;

namespace Esf.Infrastructure.Xml;

/// <summary>
/// Maps an InvoiceV2 element (<c>{v2.esf}invoice</c>, children unqualified) to the complete <see cref="InvoiceBody"/>, straight
/// from the reader (<see cref="ElementMap{T}"/>). <see cref="Parse"/> does not validate: <see cref="InvoiceBodyReader"/> reads the
/// same map through the XSD-validating reader and reports every schema error; the worker reads it from stored bodies.
/// </summary>
public static class InvoiceXmlParser
{
    internal static readonly ElementMap<InvoiceBody> Invoice = new ElementMap<InvoiceBody>()
        .Text("date", (x, v) => x.Date = v)
        .Text("invoiceType", (x, v) => x.InvoiceType = v)
        .Text("num", (x, v) => x.Num = v)
        .Text("operatorFullname", (x, v) => x.OperatorFullname = v)
        .Object("relatedInvoice", new ElementMap<RelatedInvoice>()
            .Text("date", (x, v) => x.Date = v)
            .Text("num", (x, v) => x.Num = v)
            .Text("registrationNumber", (x, v) => x.RegistrationNumber = v), (x, v) => x.RelatedInvoice = v)
        .Text("turnoverDate", (x, v) => x.TurnoverDate = v)
        .Text("addInf", (x, v) => x.AddInf = v)
        .Object("consignee", new ElementMap<Consignee>()
            .Text("address", (x, v) => x.Address = v)
            .Text("countryCode", (x, v) => x.CountryCode = v)
            .Text("name", (x, v) => x.Name = v)
            .Text("tin", (x, v) => x.Tin = v), (x, v) => x.Consignee = v)
        .Object("consignor", new ElementMap<Consignor>()
            .Text("address", (x, v) => x.Address = v)
            .Text("name", (x, v) => x.Name = v)
            .Text("tin", (x, v) => x.Tin = v), (x, v) => x.Consignor = v)
        .Text("customerAgentAddress", (x, v) => x.CustomerAgentAddress = v)
        .Text("customerAgentDocDate", (x, v) => x.CustomerAgentDocDate = v)
        .Text("customerAgentDocNum", (x, v) => x.CustomerAgentDocNum = v)
        .Text("customerAgentName", (x, v) => x.CustomerAgentName = v)
        .Text("customerAgentTin", (x, v) => x.CustomerAgentTin = v)
        .List("customerParticipants", "participant", ProductParser.Participant, (x, v) => x.CustomerParticipants = v)
        .List("customers", "customer", PartyParser.Customer, (x, v) => x.Customers = v)
        .Text("datePaper", (x, v) => x.DatePaper = v)
        .Text("deliveryDocDate", (x, v) => x.DeliveryDocDate = v)
        .Text("deliveryDocDate2", (x, v) => x.DeliveryDocDate2 = v)
        .Text("deliveryDocNum", (x, v) => x.DeliveryDocNum = v)
        .Text("deliveryDocNum2", (x, v) => x.DeliveryDocNum2 = v)
        .Object("deliveryTerm", PartyParser.DeliveryTerm, (x, v) => x.DeliveryTerm = v)
        .Object("productSet", ProductParser.ProductSet, (x, v) => x.ProductSet = v)
        .Object("publicOffice", new ElementMap<PublicOffice>()
            .Text("bik", (x, v) => x.Bik = v)
            .Text("iik", (x, v) => x.Iik = v)
            .Text("payPurpose", (x, v) => x.PayPurpose = v)
            .Text("productCode", (x, v) => x.ProductCode = v), (x, v) => x.PublicOffice = v)
        .Text("reasonPaper", (x, v) => x.ReasonPaper = v)
        .Text("sellerAgentAddress", (x, v) => x.SellerAgentAddress = v)
        .Text("sellerAgentDocDate", (x, v) => x.SellerAgentDocDate = v)
        .Text("sellerAgentDocNum", (x, v) => x.SellerAgentDocNum = v)
        .Text("sellerAgentName", (x, v) => x.SellerAgentName = v)
        .Text("sellerAgentTin", (x, v) => x.SellerAgentTin = v)
        .List("sellerParticipants", "participant", ProductParser.Participant, (x, v) => x.SellerParticipants = v)
        .List("sellers", "seller", PartyParser.Seller, (x, v) => x.Sellers = v);

    public static InvoiceBody Parse(string xml) => Invoice.Parse(xml);

    /// <summary>The V2 invoices of an import container (<c>esf:invoiceContainer/invoiceSet</c>); V1 bodies are skipped.</summary>
    public static IReadOnlyList<InvoiceBody> ParseContainer(string xml) => Container.Parse(xml).Invoices;

    private static readonly ElementMap<InvoiceContainer> Container = new ElementMap<InvoiceContainer>()
        .List("invoiceSet", "invoice", Invoice, (x, v) => x.Invoices = v, InvoiceBodyReader.InvoiceV2Namespace);

    private sealed class InvoiceContainer
    {
        public List<InvoiceBody> Invoices { get; set; } = [];
    }
}
