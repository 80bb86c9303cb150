using System.Xml.Schema;
using System.Xml.Serialization;
using Esf.Api.Soap.Framework;

namespace Esf.Api.Soap.Sessions;

/// <summary>createSessionSignedRequest, children in WSDL order; signedAuthTicket is the signed XML as escaped text.</summary>
public sealed class CreateSessionSignedRequest : EnterpriseProfileRequest
{
    [RequiredElement]
    [XmlElement("signedAuthTicket", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? SignedAuthTicket { get; set; }

    [XmlElement("sourceType", Form = XmlSchemaForm.Unqualified, Order = 5)]
    public string? SourceType { get; set; }
}

/// <summary>closeSessionBySignedCredentialsRequest.</summary>
public sealed class CloseSessionBySignedCredentialsRequest : EnterpriseProfileRequest
{
    [RequiredElement]
    [XmlElement("signedAuthTicket", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? SignedAuthTicket { get; set; }
}
