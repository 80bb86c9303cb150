using System.ServiceModel;
using System.Xml.Schema;
using System.Xml.Serialization;

namespace Esf.Tests.Soap.Wcf;

// UploadInvoiceService as dotnet-svcutil generates it (see WcfSessionContracts.cs).

[ServiceContract(Namespace = "esf", Name = "UploadInvoiceService")]
[XmlSerializerFormat(SupportFaults = true)]
public interface IWcfUploadInvoiceService
{
    [OperationContract(Action = "", ReplyAction = "*")]
    Task<WcfSyncInvoiceResponseMessage> SyncInvoiceAsync(WcfSyncInvoiceRequestMessage request);
}

[MessageContract(IsWrapped = false)]
public sealed class WcfSyncInvoiceRequestMessage
{
    [MessageBodyMember(Name = "syncInvoiceRequest", Namespace = "esf", Order = 0)]
    public WcfSyncInvoiceRequest Body { get; set; } = new();
}

[XmlType(Namespace = "esf")]
public sealed class WcfSyncInvoiceRequest
{
    [XmlElement("sessionId", Form = XmlSchemaForm.Unqualified, Order = 0)]
    public string? SessionId { get; set; }

    [XmlArray("invoiceUploadInfoList", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("invoiceUploadInfo", Form = XmlSchemaForm.Unqualified)]
    public List<WcfInvoiceUploadInfo> InvoiceUploadInfoList { get; set; } = [];

    [XmlElement("x509Certificate", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? X509Certificate { get; set; }
}

[XmlType(Namespace = "esf")]
public sealed class WcfInvoiceUploadInfo
{
    [XmlElement("invoiceBody", Form = XmlSchemaForm.Unqualified)]
    public string? InvoiceBody { get; set; }

    [XmlElement("version", Form = XmlSchemaForm.Unqualified)]
    public string? Version { get; set; }

    [XmlElement("signature", Form = XmlSchemaForm.Unqualified)]
    public string? Signature { get; set; }

    [XmlElement("signatureType", Form = XmlSchemaForm.Unqualified)]
    public string? SignatureType { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class WcfSyncInvoiceResponseMessage
{
    [MessageBodyMember(Name = "syncInvoiceResponse", Namespace = "esf", Order = 0)]
    public WcfSyncInvoiceResponse? Body { get; set; }
}

[XmlType(Namespace = "esf")]
public sealed class WcfSyncInvoiceResponse
{
    [XmlArray("acceptedSet", Form = XmlSchemaForm.Unqualified, Order = 0)]
    [XmlArrayItem("standardResponse", Form = XmlSchemaForm.Unqualified)]
    public List<WcfStandardResponse> AcceptedSet { get; set; } = [];

    [XmlArray("declinedSet", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("standardResponse", Form = XmlSchemaForm.Unqualified)]
    public List<WcfStandardResponse> DeclinedSet { get; set; } = [];
}

[XmlType(Namespace = "esf")]
public sealed class WcfStandardResponse
{
    [XmlArray("errors", Form = XmlSchemaForm.Unqualified, Order = 0)]
    [XmlArrayItem("error", Form = XmlSchemaForm.Unqualified)]
    public List<WcfError>? Errors { get; set; }

    [XmlElement("id", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public long Id { get; set; }

    [XmlIgnore]
    public bool IdSpecified { get; set; }

    [XmlElement("num", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? Num { get; set; }

    [XmlElement("date", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? Date { get; set; }
}

[XmlType(Namespace = "esf")]
public sealed class WcfError
{
    [XmlElement("property", Form = XmlSchemaForm.Unqualified, Order = 0)]
    public string? Property { get; set; }

    [XmlElement("errorCode", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? ErrorCode { get; set; }

    [XmlElement("text", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? Text { get; set; }
}
