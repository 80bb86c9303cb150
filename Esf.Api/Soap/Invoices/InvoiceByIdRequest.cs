using System.Xml.Schema;
using System.Xml.Serialization;
using Esf.Api.Soap.Framework;

namespace Esf.Api.Soap.Invoices;

/// <summary>
/// InvoiceByIdRequest and its twins (InvoiceErrorByIdRequest, QueryInvoiceHistoryByIdRequest): sessionId, idList/id+.
/// </summary>
public sealed class InvoiceByIdRequest
{
    [RequiredElement]
    [XmlElement("sessionId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? SessionId { get; set; }

    [RequiredElement]
    [XmlArray("idList", Form = XmlSchemaForm.Unqualified, Order = 2)]
    [XmlArrayItem("id", Form = XmlSchemaForm.Unqualified)]
    public List<long>? IdList { get; set; }
}
