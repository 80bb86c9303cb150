using System.ServiceModel;
using System.Xml.Schema;
using System.Xml.Serialization;

namespace Esf.Tests.Soap.Wcf;

// queryInvoiceErrorById and queryInvoiceHistoryById of IWcfInvoiceService.

[MessageContract(IsWrapped = false)]
public sealed class WcfQueryInvoiceErrorByIdRequestMessage
{
    [MessageBodyMember(Name = "queryInvoiceErrorByIdRequest", Namespace = "esf", Order = 0)]
    public WcfInvoiceByIdRequest Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class WcfQueryInvoiceErrorByIdResponseMessage
{
    [MessageBodyMember(Name = "queryInvoiceErrorByIdResponse", Namespace = "esf", Order = 0)]
    public WcfInvoiceErrorByIdResponse? Body { get; set; }
}

[XmlType(Namespace = "esf")]
public sealed class WcfInvoiceErrorByIdResponse
{
    [XmlArray("invoiceErrorList", Form = XmlSchemaForm.Unqualified, Order = 0)]
    [XmlArrayItem("invoiceError", Form = XmlSchemaForm.Unqualified)]
    public List<WcfInvoiceError> InvoiceErrorList { get; set; } = [];
}

[XmlType(Namespace = "esf")]
public sealed class WcfInvoiceError
{
    [XmlElement("invoiceId", Form = XmlSchemaForm.Unqualified, Order = 0)]
    public long InvoiceId { get; set; }

    [XmlArray("errors", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("error", Form = XmlSchemaForm.Unqualified)]
    public List<WcfError>? Errors { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class WcfQueryInvoiceHistoryByIdRequestMessage
{
    [MessageBodyMember(Name = "queryInvoiceHistoryByIdRequest", Namespace = "esf", Order = 0)]
    public WcfInvoiceByIdRequest Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class WcfQueryInvoiceHistoryByIdResponseMessage
{
    [MessageBodyMember(Name = "queryInvoiceHistoryByIdResponse", Namespace = "esf", Order = 0)]
    public WcfInvoiceHistoryByIdResponse? Body { get; set; }
}

[XmlType(Namespace = "esf")]
public sealed class WcfInvoiceHistoryByIdResponse
{
    [XmlArray("resultList", Form = XmlSchemaForm.Unqualified, Order = 0)]
    [XmlArrayItem("esfHistory", Form = XmlSchemaForm.Unqualified)]
    public List<WcfEsfHistory> ResultList { get; set; } = [];
}

[XmlType(Namespace = "esf")]
public sealed class WcfEsfHistory
{
    [XmlElement("invoiceId", Form = XmlSchemaForm.Unqualified)]
    public long InvoiceId { get; set; }

    [XmlElement("status", Form = XmlSchemaForm.Unqualified)]
    public WcfInvoiceStatus Status { get; set; }

    [XmlElement("dateTime", Form = XmlSchemaForm.Unqualified)]
    public DateTime DateTime { get; set; }

    [XmlElement("clientType", Form = XmlSchemaForm.Unqualified)]
    public string? ClientType { get; set; }
}
