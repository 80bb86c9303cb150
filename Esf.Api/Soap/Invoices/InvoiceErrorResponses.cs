using System.Xml.Schema;
using System.Xml.Serialization;
using Esf.Api.Soap.Contracts;

namespace Esf.Api.Soap.Invoices;

/// <summary>queryInvoiceErrorByIdResponse: invoiceErrorList/invoiceError*.</summary>
public sealed class InvoiceErrorByIdResponse
{
    [XmlArray("invoiceErrorList", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("invoiceError", Form = XmlSchemaForm.Unqualified)]
    public List<InvoiceErrorContract> InvoiceErrorList { get; set; } = [];
}

/// <summary>InvoiceError: invoiceId, errors?/error+.</summary>
public sealed class InvoiceErrorContract
{
    [XmlElement("invoiceId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public long InvoiceId { get; set; }

    [XmlArray("errors", Form = XmlSchemaForm.Unqualified, Order = 2)]
    [XmlArrayItem("error", Form = XmlSchemaForm.Unqualified)]
    public List<ErrorContract>? Errors { get; set; }
}
