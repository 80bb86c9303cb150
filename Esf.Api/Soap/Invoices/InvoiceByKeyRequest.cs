using System.Xml.Schema;
using System.Xml.Serialization;
using Esf.Api.Soap.Framework;

namespace Esf.Api.Soap.Invoices;

/// <summary>InvoiceByKeyRequest (queryInvoiceByKey, queryInvoiceSummaryByKey): sessionId, invoiceKeyList, direction.</summary>
public sealed class InvoiceByKeyRequest
{
    [RequiredElement]
    [XmlElement("sessionId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? SessionId { get; set; }

    [RequiredElement]
    [XmlArray("invoiceKeyList", Form = XmlSchemaForm.Unqualified, Order = 2)]
    [XmlArrayItem("invoiceKey", Form = XmlSchemaForm.Unqualified)]
    public List<InvoiceKey>? InvoiceKeyList { get; set; }

    [RequiredElement]
    [XmlElement("direction", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? Direction { get; set; }
}

/// <summary>invoiceKey (xs:all): date (dd.MM.yyyy) and num.</summary>
public sealed class InvoiceKey
{
    [XmlElement("date", Form = XmlSchemaForm.Unqualified)]
    public string Date { get; set; } = "";

    [XmlElement("num", Form = XmlSchemaForm.Unqualified)]
    public string Num { get; set; } = "";
}
