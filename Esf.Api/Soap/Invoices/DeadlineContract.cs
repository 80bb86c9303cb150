using System.Xml.Schema;
using System.Xml.Serialization;

namespace Esf.Api.Soap.Invoices;

/// <summary>deadline («Дэдлайн отклонения»): a sequence, all optional, in the WSDL's order.</summary>
public sealed class DeadlineContract
{
    [XmlElement("dateInput", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? DateInput { get; set; }

    [XmlElement("deadlineDate", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? DeadlineDate { get; set; }

    [XmlElement("documentId", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public long DocumentId { get; set; }

    [XmlElement("documentType", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string DocumentType { get; set; } = "INVOICE";

    [XmlElement("registrationNumber", Form = XmlSchemaForm.Unqualified, Order = 5)]
    public string? RegistrationNumber { get; set; }

    [XmlElement("tin", Form = XmlSchemaForm.Unqualified, Order = 6)]
    public string? Tin { get; set; }

    [XmlElement("type", Form = XmlSchemaForm.Unqualified, Order = 7)]
    public string? Type { get; set; }
}
