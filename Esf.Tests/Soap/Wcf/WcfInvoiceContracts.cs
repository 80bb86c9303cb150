using System.ServiceModel;
using System.Xml.Schema;
using System.Xml.Serialization;

namespace Esf.Tests.Soap.Wcf;

// InvoiceService as dotnet-svcutil generates it from the current WSDL (20 invoice statuses).

[ServiceContract(Namespace = "esf", Name = "InvoiceService")]
[XmlSerializerFormat(SupportFaults = true)]
public interface IWcfInvoiceService
{
    [OperationContract(Action = "", ReplyAction = "*")]
    Task<WcfQueryInvoiceByIdResponseMessage> QueryInvoiceByIdAsync(WcfQueryInvoiceByIdRequestMessage request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<WcfQueryInvoiceErrorByIdResponseMessage> QueryInvoiceErrorByIdAsync(WcfQueryInvoiceErrorByIdRequestMessage request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<WcfQueryInvoiceHistoryByIdResponseMessage> QueryInvoiceHistoryByIdAsync(WcfQueryInvoiceHistoryByIdRequestMessage request);
}

[XmlType(Namespace = "esf")]
public sealed class WcfInvoiceByIdRequest
{
    [XmlElement("sessionId", Form = XmlSchemaForm.Unqualified, Order = 0)]
    public string? SessionId { get; set; }

    [XmlArray("idList", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("id", Form = XmlSchemaForm.Unqualified)]
    public List<long> IdList { get; set; } = [];
}

[MessageContract(IsWrapped = false)]
public sealed class WcfQueryInvoiceByIdRequestMessage
{
    [MessageBodyMember(Name = "queryInvoiceByIdRequest", Namespace = "esf", Order = 0)]
    public WcfInvoiceByIdRequest Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class WcfQueryInvoiceByIdResponseMessage
{
    [MessageBodyMember(Name = "queryInvoiceByIdResponse", Namespace = "esf", Order = 0)]
    public WcfQueryInvoiceResponse? Body { get; set; }
}

[XmlType(Namespace = "esf")]
public sealed class WcfQueryInvoiceResponse
{
    [XmlElement("lastBlock", Form = XmlSchemaForm.Unqualified, Order = 0)]
    public bool LastBlock { get; set; }

    [XmlElement("currPage", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public int CurrPage { get; set; }

    [XmlElement("rsCount", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public int RsCount { get; set; }

    [XmlArray("invoiceInfoList", Form = XmlSchemaForm.Unqualified, Order = 3)]
    [XmlArrayItem("invoiceInfo", Form = XmlSchemaForm.Unqualified)]
    public List<WcfInvoiceInfo> InvoiceInfoList { get; set; } = [];
}

/// <summary>InvoiceInfo is an xs:all, so svcutil generates it without Order.</summary>
[XmlType(Namespace = "esf")]
public sealed class WcfInvoiceInfo
{
    [XmlElement("invoiceBody", Form = XmlSchemaForm.Unqualified)]
    public string? InvoiceBody { get; set; }

    [XmlElement("invoiceId", Form = XmlSchemaForm.Unqualified)]
    public long InvoiceId { get; set; }

    [XmlElement("registrationNumber", Form = XmlSchemaForm.Unqualified)]
    public string? RegistrationNumber { get; set; }

    [XmlElement("inputDate", Form = XmlSchemaForm.Unqualified)]
    public DateTime InputDate { get; set; }

    [XmlElement("lastUpdateDate", Form = XmlSchemaForm.Unqualified)]
    public DateTime LastUpdateDate { get; set; }

    [XmlElement("signatureValid", Form = XmlSchemaForm.Unqualified)]
    public bool SignatureValid { get; set; }

    [XmlElement("invoiceStatus", Form = XmlSchemaForm.Unqualified)]
    public WcfInvoiceStatus InvoiceStatus { get; set; }

    [XmlElement("version", Form = XmlSchemaForm.Unqualified)]
    public string? Version { get; set; }

    [XmlElement("signature", Form = XmlSchemaForm.Unqualified)]
    public string? Signature { get; set; }

    [XmlElement("signatureType", Form = XmlSchemaForm.Unqualified)]
    public string? SignatureType { get; set; }

    [XmlElement("certificate", Form = XmlSchemaForm.Unqualified)]
    public string? Certificate { get; set; }
}

[XmlType(Namespace = "esf")]
public enum WcfInvoiceStatus
{
    IN_QUEUE,
    IN_PROCESSING,
    CREATED,
    DELIVERED,
    CANCELED,
    CANCELED_BY_OGD,
    CANCELED_BY_SNT_DECLINE,
    CANCELED_BY_SNT_REVOKE,
    REVOKED,
    IMPORTED,
    DRAFT,
    FAILED,
    DELETED,
    DECLINED,
    SEND_TO_ISGO,
    WAIT_BIOMETRICS_VERIFICATION,
    FAILED_BIOMETRICS_VERIFICATION,
    DELETED_BIOMETRICS_VERIFICATION,
    WAITING_CUSTOMER_CONFIRMATION,
    WAITING_CUSTOMER_REVOKE_CONFIRMATION,
}
