using System.Xml.Schema;
using System.Xml.Serialization;
using Esf.Api.Soap.Framework;

namespace Esf.Api.Soap.Invoices;

/// <summary>queryInvoiceRequest: sessionId and criteria (QueryInvoiceCriteria).</summary>
public sealed class QueryInvoiceRequest
{
    [RequiredElement]
    [XmlElement("sessionId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? SessionId { get; set; }

    [RequiredElement]
    [XmlElement("criteria", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public QueryInvoiceCriteria? Criteria { get; set; }
}

/// <summary>QueryInvoiceCriteria, a sequence in the WSDL's order; dates are xs:dateTime text, read with their offset.</summary>
public sealed class QueryInvoiceCriteria
{
    [RequiredElement]
    [XmlElement("direction", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? Direction { get; set; }

    [XmlElement("contragentTin", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? ContragentTin { get; set; }

    [RequiredElement]
    [XmlElement("dateFrom", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? DateFrom { get; set; }

    [RequiredElement]
    [XmlElement("dateTo", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? DateTo { get; set; }

    [XmlElement("lastUpdateDateFrom", Form = XmlSchemaForm.Unqualified, Order = 5)]
    public string? LastUpdateDateFrom { get; set; }

    [XmlElement("lastUpdateDateTo", Form = XmlSchemaForm.Unqualified, Order = 6)]
    public string? LastUpdateDateTo { get; set; }

    [XmlArray("invoiceStatusList", Form = XmlSchemaForm.Unqualified, Order = 7)]
    [XmlArrayItem("invoiceStatus", Form = XmlSchemaForm.Unqualified)]
    public List<string>? InvoiceStatusList { get; set; }

    [XmlElement("invoiceType", Form = XmlSchemaForm.Unqualified, Order = 8)]
    public string? InvoiceType { get; set; }

    [XmlElement("orderBy", Form = XmlSchemaForm.Unqualified, Order = 9)]
    public string? OrderBy { get; set; }

    [XmlElement("asc", Form = XmlSchemaForm.Unqualified, Order = 10)]
    public bool Asc { get; set; }

    [XmlElement("pageNum", Form = XmlSchemaForm.Unqualified, Order = 11)]
    public int? PageNum { get; set; }
}
