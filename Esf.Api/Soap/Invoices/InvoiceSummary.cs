using System.Xml.Schema;
using System.Xml.Serialization;

namespace Esf.Api.Soap.Invoices;

/// <summary>InvoiceSummary («Краткая информация об ЭСФ»), an xs:all written in the WSDL's declaration order.</summary>
public sealed class InvoiceSummary
{
    [XmlElement("invoiceId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public long InvoiceId { get; set; }

    [XmlElement("date", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? Date { get; set; }

    [XmlElement("invoiceStatus", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? InvoiceStatus { get; set; }

    [XmlElement("num", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? Num { get; set; }

    [XmlElement("cancelReason", Form = XmlSchemaForm.Unqualified, Order = 5)]
    public string? CancelReason { get; set; }

    [XmlElement("registrationNumber", Form = XmlSchemaForm.Unqualified, Order = 6)]
    public string? RegistrationNumber { get; set; }

    [XmlElement("lastUpdateDate", Form = XmlSchemaForm.Unqualified, Order = 7)]
    public string? LastUpdateDate { get; set; }
}
