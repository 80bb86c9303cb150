using System.Xml.Schema;
using System.Xml.Serialization;

namespace Esf.Api.Soap.Invoices;

/// <summary>
/// InvoiceInfo: an xs:all, written in the WSDL's declaration order. Dates are xs:dateTime strings with the time-zone offset
/// (see <see cref="InvoiceMapping.ToXsDateTime"/>). deadline is the DECLINE/UNREVOKE control date where one applies.
/// </summary>
public sealed class InvoiceInfo
{
    [XmlElement("invoiceBody", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string InvoiceBody { get; set; } = "";

    [XmlElement("invoiceId", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public long InvoiceId { get; set; }

    [XmlElement("registrationNumber", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? RegistrationNumber { get; set; }

    [XmlElement("inputDate", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string InputDate { get; set; } = "";

    [XmlElement("deliveryDate", Form = XmlSchemaForm.Unqualified, Order = 5)]
    public string? DeliveryDate { get; set; }

    [XmlElement("lastUpdateDate", Form = XmlSchemaForm.Unqualified, Order = 6)]
    public string LastUpdateDate { get; set; } = "";

    [XmlElement("signatureValid", Form = XmlSchemaForm.Unqualified, Order = 7)]
    public bool SignatureValid { get; set; }

    [XmlElement("invoiceStatus", Form = XmlSchemaForm.Unqualified, Order = 8)]
    public string? InvoiceStatus { get; set; }

    [XmlElement("cancelReason", Form = XmlSchemaForm.Unqualified, Order = 9)]
    public string? CancelReason { get; set; }

    [XmlElement("version", Form = XmlSchemaForm.Unqualified, Order = 10)]
    public string Version { get; set; } = "";

    [XmlElement("hash", Form = XmlSchemaForm.Unqualified, Order = 11)]
    public string? Hash { get; set; }

    [XmlElement("signature", Form = XmlSchemaForm.Unqualified, Order = 12)]
    public string Signature { get; set; } = "";

    [XmlElement("signatureType", Form = XmlSchemaForm.Unqualified, Order = 13)]
    public string SignatureType { get; set; } = "";

    [XmlElement("certificate", Form = XmlSchemaForm.Unqualified, Order = 14)]
    public string Certificate { get; set; } = "";

    [XmlElement("deadline", Form = XmlSchemaForm.Unqualified, Order = 15)]
    public DeadlineContract? Deadline { get; set; }

    [XmlElement("kogd", Form = XmlSchemaForm.Unqualified, Order = 16)]
    public string? Kogd { get; set; }
}
