using System.Xml.Schema;
using System.Xml.Serialization;
using Esf.Api.Soap.Framework;

namespace Esf.Api.Soap.Sessions;

// Request elements of SessionService, children in WSDL order. Enumerations are read as strings: the session service
// decides what it accepts and answers with the ESF error codes.

/// <summary>createSessionRequest (+ WS-Security UsernameToken).</summary>
public sealed class CreateSessionRequest : EnterpriseProfileRequest
{
    [RequiredElement]
    [XmlElement("x509Certificate", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? X509Certificate { get; set; }

    [XmlElement("sourceType", Form = XmlSchemaForm.Unqualified, Order = 5)]
    public string? SourceType { get; set; }
}

/// <summary>closeSessionByCredentialsRequest (+ WS-Security UsernameToken).</summary>
public sealed class CloseSessionByCredentialsRequest : EnterpriseProfileRequest
{
    [RequiredElement]
    [XmlElement("x509Certificate", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? X509Certificate { get; set; }
}

/// <summary>closeSessionRequest, currentSessionStatusRequest, currentUserRequest, currentUserProfilesRequest: only sessionId.</summary>
public sealed class SessionIdRequest
{
    [RequiredElement]
    [XmlElement("sessionId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? SessionId { get; set; }
}
