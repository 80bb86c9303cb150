using System.ServiceModel;
using System.Xml.Schema;
using System.Xml.Serialization;

namespace Esf.Tests.Soap.Wcf;

// InvoiceService as generated from the 2020 WSDL: its InvoiceStatus knows only 12 values (no IN_QUEUE/IN_PROCESSING).

[ServiceContract(Namespace = "esf", Name = "InvoiceService")]
[XmlSerializerFormat(SupportFaults = true)]
public interface IWcfLegacyInvoiceService
{
    [OperationContract(Action = "", ReplyAction = "*")]
    Task<WcfLegacyQueryInvoiceByIdResponseMessage> QueryInvoiceByIdAsync(WcfQueryInvoiceByIdRequestMessage request);
}

[MessageContract(IsWrapped = false)]
public sealed class WcfLegacyQueryInvoiceByIdResponseMessage
{
    [MessageBodyMember(Name = "queryInvoiceByIdResponse", Namespace = "esf", Order = 0)]
    public WcfLegacyQueryInvoiceResponse? Body { get; set; }
}

[XmlType(Namespace = "esf")]
public sealed class WcfLegacyQueryInvoiceResponse
{
    [XmlElement("lastBlock", Form = XmlSchemaForm.Unqualified, Order = 0)]
    public bool LastBlock { get; set; }

    [XmlElement("currPage", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public int CurrPage { get; set; }

    [XmlElement("rsCount", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public int RsCount { get; set; }

    [XmlArray("invoiceInfoList", Form = XmlSchemaForm.Unqualified, Order = 3)]
    [XmlArrayItem("invoiceInfo", Form = XmlSchemaForm.Unqualified)]
    public List<WcfLegacyInvoiceInfo> InvoiceInfoList { get; set; } = [];
}

[XmlType(Namespace = "esf")]
public sealed class WcfLegacyInvoiceInfo
{
    [XmlElement("invoiceId", Form = XmlSchemaForm.Unqualified)]
    public long InvoiceId { get; set; }

    [XmlElement("registrationNumber", Form = XmlSchemaForm.Unqualified)]
    public string? RegistrationNumber { get; set; }

    [XmlElement("invoiceStatus", Form = XmlSchemaForm.Unqualified)]
    public WcfLegacyInvoiceStatus InvoiceStatus { get; set; }
}

[XmlType(Namespace = "esf")]
public enum WcfLegacyInvoiceStatus
{
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
}
