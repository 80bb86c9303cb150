using System.Xml.Schema;
using System.Xml.Serialization;
using Esf.Api.Soap.Framework;

namespace Esf.Api.Soap.Auth;

/// <summary>createAuthTicketRequest: the ИИН of the key's owner and the ticket's lifetime (1..1440 minutes, default 30).</summary>
public sealed class CreateAuthTicketRequest
{
    [RequiredElement]
    [XmlElement("iin", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? Iin { get; set; }

    [XmlElement("ttlInMinutes", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public int? TtlInMinutes { get; set; }
}

/// <summary>createAuthTicketResponse: the ticket XML as text, for the client to sign.</summary>
public sealed class CreateAuthTicketResponse
{
    [XmlElement("authTicketXml", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string AuthTicketXml { get; set; } = "";
}
