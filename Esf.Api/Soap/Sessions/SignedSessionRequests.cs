using System.Xml.Schema;
using System.Xml.Serialization;
using Esf.Api.Soap.Framework;

namespace Esf.Api.Soap.Sessions;

/// <summary>createSessionSignedRequest, children in WSDL order; signedAuthTicket is the signed XML as escaped text.</summary>
public sealed class CreateSessionSignedRequest
{
    [RequiredElement]
    [XmlElement("tin", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? Tin { get; set; }

    [XmlElement("projectCode", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public long? ProjectCode { get; set; }

    [XmlElement("businessProfileType", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? BusinessProfileType { get; set; }

    [RequiredElement]
    [XmlElement("signedAuthTicket", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? SignedAuthTicket { get; set; }

    [XmlElement("sourceType", Form = XmlSchemaForm.Unqualified, Order = 5)]
    public string? SourceType { get; set; }
}

/// <summary>closeSessionBySignedCredentialsRequest.</summary>
public sealed class CloseSessionBySignedCredentialsRequest
{
    [RequiredElement]
    [XmlElement("tin", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? Tin { get; set; }

    [XmlElement("projectCode", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public long? ProjectCode { get; set; }

    [XmlElement("businessProfileType", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? BusinessProfileType { get; set; }

    [RequiredElement]
    [XmlElement("signedAuthTicket", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? SignedAuthTicket { get; set; }
}
