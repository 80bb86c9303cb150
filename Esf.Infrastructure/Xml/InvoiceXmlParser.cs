using System.Xml.Linq;
using Esf.Domain.Invoices.Document;

namespace Esf.Infrastructure.Xml;

/// <summary>
/// Maps an InvoiceV2 element (<c>{v2.esf}invoice</c>, children unqualified) to the complete <see cref="InvoiceBody"/>.
/// It does not validate: <see cref="InvoiceBodyReader"/> runs the XSD first and reports every schema error.
/// </summary>
public static class InvoiceXmlParser
{
    public static InvoiceBody Parse(string xml) => Parse(Load(xml));

    /// <summary>The V2 invoices of an import container (<c>esf:invoiceContainer/invoiceSet</c>); V1 bodies are skipped.</summary>
    public static IReadOnlyList<InvoiceBody> ParseContainer(string xml) =>
        Load(xml).Element("invoiceSet")?.Elements(XName.Get("invoice", InvoiceBodyReader.InvoiceV2Namespace)).Select(Parse).ToList() ?? [];

    private static XElement Load(string xml)
    {
        using var reader = System.Xml.XmlReader.Create(new StringReader(xml), SafeXml.ReaderSettings());
        return XElement.Load(reader);
    }

    public static InvoiceBody Parse(XElement e) => new()
    {
        Date = e.Text("date"),
        InvoiceType = e.Text("invoiceType"),
        Num = e.Text("num"),
        OperatorFullname = e.Text("operatorFullname"),
        RelatedInvoice = e.Element("relatedInvoice") is { } r
            ? new RelatedInvoice { Date = r.Text("date"), Num = r.Text("num"), RegistrationNumber = r.Text("registrationNumber") }
            : null,
        TurnoverDate = e.Text("turnoverDate"),
        AddInf = e.Text("addInf"),
        Consignee = e.Element("consignee") is { } ce
            ? new Consignee { Address = ce.Text("address"), CountryCode = ce.Text("countryCode"), Name = ce.Text("name"), Tin = ce.Text("tin") }
            : null,
        Consignor = e.Element("consignor") is { } co
            ? new Consignor { Address = co.Text("address"), Name = co.Text("name"), Tin = co.Text("tin") }
            : null,
        CustomerAgentAddress = e.Text("customerAgentAddress"),
        CustomerAgentDocDate = e.Text("customerAgentDocDate"),
        CustomerAgentDocNum = e.Text("customerAgentDocNum"),
        CustomerAgentName = e.Text("customerAgentName"),
        CustomerAgentTin = e.Text("customerAgentTin"),
        CustomerParticipants = e.List("customerParticipants", "participant", ProductParser.Participant),
        Customers = e.List("customers", "customer", PartyParser.Customer) ?? [],
        DatePaper = e.Text("datePaper"),
        DeliveryDocDate = e.Text("deliveryDocDate"),
        DeliveryDocDate2 = e.Text("deliveryDocDate2"),
        DeliveryDocNum = e.Text("deliveryDocNum"),
        DeliveryDocNum2 = e.Text("deliveryDocNum2"),
        DeliveryTerm = e.Element("deliveryTerm") is { } d ? PartyParser.DeliveryTerm(d) : null,
        ProductSet = e.Element("productSet") is { } p ? ProductParser.ProductSet(p) : new ProductSet(),
        PublicOffice = e.Element("publicOffice") is { } po
            ? new PublicOffice { Bik = po.Text("bik"), Iik = po.Text("iik"), PayPurpose = po.Text("payPurpose"), ProductCode = po.Text("productCode") }
            : null,
        ReasonPaper = e.Text("reasonPaper"),
        SellerAgentAddress = e.Text("sellerAgentAddress"),
        SellerAgentDocDate = e.Text("sellerAgentDocDate"),
        SellerAgentDocNum = e.Text("sellerAgentDocNum"),
        SellerAgentName = e.Text("sellerAgentName"),
        SellerAgentTin = e.Text("sellerAgentTin"),
        SellerParticipants = e.List("sellerParticipants", "participant", ProductParser.Participant),
        Sellers = e.List("sellers", "seller", PartyParser.Seller) ?? [],
    };
}
