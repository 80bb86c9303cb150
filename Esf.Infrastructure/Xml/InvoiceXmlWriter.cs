using System.Xml;
using Esf.Domain.Invoices.Document;

namespace Esf.Infrastructure.Xml;

/// <summary>
/// Writes an <see cref="InvoiceBody"/> in the canonical shape clients and the SDK produce:
/// <c>&lt;v2:invoice xmlns:a="abstractInvoice.esf" xmlns:v2="v2.esf"&gt;</c> with unqualified children in schema order.
/// </summary>
public static class InvoiceXmlWriter
{
    public const string AbstractNamespace = "abstractInvoice.esf";
    public const string ContainerNamespace = "esf";

    public static string Write(InvoiceBody body, bool indent = false) => XmlWriterValues.Render(w => WriteInvoice(w, body), indent);

    /// <summary>The import/export container: <c>esf:invoiceContainer/invoiceSet</c> holding V2 invoices.</summary>
    public static string WriteContainer(IEnumerable<InvoiceBody> bodies, bool indent = false) => XmlWriterValues.Render(w =>
    {
        w.WriteStartElement("esf", "invoiceContainer", ContainerNamespace);
        w.WriteStartElement("invoiceSet");
        foreach (var body in bodies)
        {
            WriteInvoice(w, body);
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }, indent);

    private static void WriteInvoice(XmlWriter w, InvoiceBody b)
    {
        w.WriteStartElement("v2", "invoice", InvoiceBodyReader.InvoiceV2Namespace);
        w.WriteAttributeString("xmlns", "a", null, AbstractNamespace);
        w.WriteAttributeString("xmlns", "v2", null, InvoiceBodyReader.InvoiceV2Namespace);
        w.Opt("date", b.Date);
        w.Opt("invoiceType", b.InvoiceType);
        w.Opt("num", b.Num);
        w.Opt("operatorFullname", b.OperatorFullname);
        w.Block("relatedInvoice", b.RelatedInvoice, (x, r) =>
        {
            x.Opt("date", r.Date);
            x.Opt("num", r.Num);
            x.Opt("registrationNumber", r.RegistrationNumber);
        });
        w.Opt("turnoverDate", b.TurnoverDate);
        w.Opt("addInf", b.AddInf);
        w.Block("consignee", b.Consignee, (x, c) =>
        {
            x.Opt("address", c.Address);
            x.Opt("countryCode", c.CountryCode);
            x.Opt("name", c.Name);
            x.Opt("tin", c.Tin);
        });
        w.Block("consignor", b.Consignor, (x, c) =>
        {
            x.Opt("address", c.Address);
            x.Opt("name", c.Name);
            x.Opt("tin", c.Tin);
        });
        w.Opt("customerAgentAddress", b.CustomerAgentAddress);
        w.Opt("customerAgentDocDate", b.CustomerAgentDocDate);
        w.Opt("customerAgentDocNum", b.CustomerAgentDocNum);
        w.Opt("customerAgentName", b.CustomerAgentName);
        w.Opt("customerAgentTin", b.CustomerAgentTin);
        w.List("customerParticipants", "participant", b.CustomerParticipants, ProductXmlWriter.Participant);
        w.List("customers", "customer", b.Customers, PartyXmlWriter.Customer);
        w.Opt("datePaper", b.DatePaper);
        w.Opt("deliveryDocDate", b.DeliveryDocDate);
        w.Opt("deliveryDocDate2", b.DeliveryDocDate2);
        w.Opt("deliveryDocNum", b.DeliveryDocNum);
        w.Opt("deliveryDocNum2", b.DeliveryDocNum2);
        w.Block("deliveryTerm", b.DeliveryTerm, PartyXmlWriter.DeliveryTerm);
        w.Block("productSet", b.ProductSet, ProductXmlWriter.ProductSet);
        w.Block("publicOffice", b.PublicOffice, (x, p) =>
        {
            x.Opt("bik", p.Bik);
            x.Opt("iik", p.Iik);
            x.Opt("payPurpose", p.PayPurpose);
            x.Opt("productCode", p.ProductCode);
        });
        w.Opt("reasonPaper", b.ReasonPaper);
        w.Opt("sellerAgentAddress", b.SellerAgentAddress);
        w.Opt("sellerAgentDocDate", b.SellerAgentDocDate);
        w.Opt("sellerAgentDocNum", b.SellerAgentDocNum);
        w.Opt("sellerAgentName", b.SellerAgentName);
        w.Opt("sellerAgentTin", b.SellerAgentTin);
        w.List("sellerParticipants", "participant", b.SellerParticipants, ProductXmlWriter.Participant);
        w.List("sellers", "seller", b.Sellers, PartyXmlWriter.Seller);
        w.WriteEndElement();
    }
}
