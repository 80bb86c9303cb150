using System.ServiceModel;
using System.Xml.Schema;
using System.Xml.Serialization;

namespace Esf.Tests.Soap.Wcf;

// A client as dotnet-svcutil generates it from SessionService.wsdl: XmlSerializer, bare (unwrapped) message contracts,
// Action "" and unqualified children. Written independently of the server's DTOs on purpose.

[ServiceContract(Namespace = "esf", Name = "SessionService")]
[XmlSerializerFormat(SupportFaults = true)]
public interface IWcfSessionService
{
    [OperationContract(Action = "", ReplyAction = "*")]
    Task<WcfCreateSessionResponseMessage> CreateSessionAsync(WcfCreateSessionRequestMessage request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<WcfCurrentSessionStatusResponseMessage> CurrentSessionStatusAsync(WcfCurrentSessionStatusRequestMessage request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<WcfCurrentUserResponseMessage> CurrentUserAsync(WcfCurrentUserRequestMessage request);

    [OperationContract(Action = "", ReplyAction = "*")]
    Task<WcfCloseSessionResponseMessage> CloseSessionAsync(WcfCloseSessionRequestMessage request);
}

[MessageContract(IsWrapped = false)]
public sealed class WcfCreateSessionRequestMessage
{
    [MessageBodyMember(Name = "createSessionRequest", Namespace = "esf", Order = 0)]
    public WcfCreateSessionRequest Body { get; set; } = new();
}

[XmlType(Namespace = "esf")]
public sealed class WcfCreateSessionRequest
{
    [XmlElement("tin", Form = XmlSchemaForm.Unqualified, Order = 0)]
    public string? Tin { get; set; }

    [XmlElement("x509Certificate", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? X509Certificate { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class WcfCreateSessionResponseMessage
{
    [MessageBodyMember(Name = "createSessionResponse", Namespace = "esf", Order = 0)]
    public WcfCreateSessionResponse? Body { get; set; }
}

[XmlType(Namespace = "esf")]
public sealed class WcfCreateSessionResponse
{
    [XmlElement("sessionId", Form = XmlSchemaForm.Unqualified, Order = 0)]
    public string? SessionId { get; set; }
}

[XmlType(Namespace = "esf")]
public sealed class WcfSessionIdRequest
{
    [XmlElement("sessionId", Form = XmlSchemaForm.Unqualified, Order = 0)]
    public string? SessionId { get; set; }
}

[XmlType(Namespace = "esf")]
public enum WcfSessionStatus
{
    OK,
    CLOSED,
    NOT_FOUND,
}

[XmlType(Namespace = "esf")]
public sealed class WcfSessionStatusResponse
{
    [XmlElement("status", Form = XmlSchemaForm.Unqualified, Order = 0)]
    public WcfSessionStatus Status { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class WcfCurrentSessionStatusRequestMessage
{
    [MessageBodyMember(Name = "currentSessionStatusRequest", Namespace = "esf", Order = 0)]
    public WcfSessionIdRequest Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class WcfCurrentSessionStatusResponseMessage
{
    [MessageBodyMember(Name = "currentSessionStatusResponse", Namespace = "esf", Order = 0)]
    public WcfSessionStatusResponse? Body { get; set; }
}

[MessageContract(IsWrapped = false)]
public sealed class WcfCloseSessionRequestMessage
{
    [MessageBodyMember(Name = "closeSessionRequest", Namespace = "esf", Order = 0)]
    public WcfSessionIdRequest Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class WcfCloseSessionResponseMessage
{
    [MessageBodyMember(Name = "closeSessionResponse", Namespace = "esf", Order = 0)]
    public WcfSessionStatusResponse? Body { get; set; }
}
