using System.Xml.Schema;
using System.Xml.Serialization;

namespace Esf.Api.Soap.Invoices;

/// <summary>queryInvoiceHistoryByIdResponse: resultList/esfHistory*.</summary>
public sealed class InvoiceHistoryByIdResponse
{
    [XmlArray("resultList", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("esfHistory", Form = XmlSchemaForm.Unqualified)]
    public List<EsfHistoryContract> ResultList { get; set; } = [];
}

/// <summary>InvoiceInfoHistoryRecord (xs:all, all optional), written in the WSDL's declaration order.</summary>
public sealed class EsfHistoryContract
{
    [XmlElement("invoiceId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public long InvoiceId { get; set; }

    [XmlElement("status", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string Status { get; set; } = "";

    [XmlElement("dateTime", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string DateTime { get; set; } = "";

    [XmlElement("userId", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? UserId { get; set; }

    [XmlElement("tin", Form = XmlSchemaForm.Unqualified, Order = 5)]
    public string? Tin { get; set; }

    [XmlElement("statusDescription", Form = XmlSchemaForm.Unqualified, Order = 6)]
    public string? StatusDescription { get; set; }

    /// <summary>ClientType: WEB, API or API_VS.</summary>
    [XmlElement("clientType", Form = XmlSchemaForm.Unqualified, Order = 7)]
    public string? ClientType { get; set; }
}
