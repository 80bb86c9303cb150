using System.Xml.Schema;
using System.Xml.Serialization;

namespace Esf.Api.Soap.Invoices;

/// <summary>InvoiceSummaryResponse (confirmInvoiceById, queryInvoiceSummaryById/ByKey): invoiceSummaryList/invoiceSummary*.</summary>
public sealed class InvoiceSummaryResponse
{
    [XmlArray("invoiceSummaryList", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("invoiceSummary", Form = XmlSchemaForm.Unqualified)]
    public List<InvoiceSummary> InvoiceSummaryList { get; set; } = [];
}

/// <summary>TryChangeStatusResponse (decline, revoke, unrevoke): resultList/changeStatusResult*.</summary>
public sealed class TryChangeStatusResponse
{
    [XmlArray("resultList", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("changeStatusResult", Form = XmlSchemaForm.Unqualified)]
    public List<ChangeStatusResult> ResultList { get; set; } = [];
}

/// <summary>ChangeStatusResult: invoiceSummary, isChanged, errorCode (only when nothing changed).</summary>
public sealed class ChangeStatusResult
{
    [XmlElement("invoiceSummary", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public InvoiceSummary InvoiceSummary { get; set; } = new();

    [XmlElement("isChanged", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public bool IsChanged { get; set; }

    [XmlElement("errorCode", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? ErrorCode { get; set; }
}

/// <summary>deleteInvoiceByIdResponse: resultList/changeStatusResult* of type DeleteResult (the WSDL's element name).</summary>
public sealed class DeleteInvoiceByIdResponse
{
    [XmlArray("resultList", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("changeStatusResult", Form = XmlSchemaForm.Unqualified)]
    public List<DeleteResult> ResultList { get; set; } = [];
}

/// <summary>DeleteResult: invoiceId, isDeleted.</summary>
public sealed class DeleteResult
{
    [XmlElement("invoiceId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public long InvoiceId { get; set; }

    [XmlElement("isDeleted", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public bool IsDeleted { get; set; }
}
