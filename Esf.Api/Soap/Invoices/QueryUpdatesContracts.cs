using System.Xml.Schema;
using System.Xml.Serialization;
using Esf.Api.Soap.Framework;

namespace Esf.Api.Soap.Invoices;

/// <summary>QueryInvoiceUpdateRequest: sessionId, lastEventDate, lastInvoiceId?, direction, limit?, fullInfoOnStatusChange.</summary>
public sealed class QueryUpdatesRequest
{
    [RequiredElement]
    [XmlElement("sessionId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? SessionId { get; set; }

    /// <summary>xs:dateTime, read with <see cref="System.Xml.XmlConvert"/> so that any offset is honoured.</summary>
    [RequiredElement]
    [XmlElement("lastEventDate", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? LastEventDate { get; set; }

    [XmlElement("lastInvoiceId", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public long? LastInvoiceId { get; set; }

    [RequiredElement]
    [XmlElement("direction", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? Direction { get; set; }

    [XmlElement("limit", Form = XmlSchemaForm.Unqualified, Order = 5)]
    public int? Limit { get; set; }

    [XmlElement("fullInfoOnStatusChange", Form = XmlSchemaForm.Unqualified, Order = 6)]
    public bool FullInfoOnStatusChange { get; set; }
}

/// <summary>QueryInvoiceUpdateResponse: lastEventDate, lastInvoiceId?, lastBlock, invoiceInfoList.</summary>
public sealed class QueryUpdatesResponse
{
    [XmlElement("lastEventDate", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string LastEventDate { get; set; } = "";

    [XmlElement("lastInvoiceId", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public long LastInvoiceId { get; set; }

    [XmlIgnore]
    public bool LastInvoiceIdSpecified { get; set; }

    [XmlElement("lastBlock", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public bool LastBlock { get; set; }

    [XmlArray("invoiceInfoList", Form = XmlSchemaForm.Unqualified, Order = 4)]
    [XmlArrayItem("invoiceInfo", Form = XmlSchemaForm.Unqualified)]
    public List<InvoiceInfo> InvoiceInfoList { get; set; } = [];
}
