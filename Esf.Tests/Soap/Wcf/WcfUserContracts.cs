using System.ServiceModel;
using System.Xml.Schema;
using System.Xml.Serialization;

namespace Esf.Tests.Soap.Wcf;

// currentUser of IWcfSessionService.

[MessageContract(IsWrapped = false)]
public sealed class WcfCurrentUserRequestMessage
{
    [MessageBodyMember(Name = "currentUserRequest", Namespace = "esf", Order = 0)]
    public WcfSessionIdRequest Body { get; set; } = new();
}

[MessageContract(IsWrapped = false)]
public sealed class WcfCurrentUserResponseMessage
{
    [MessageBodyMember(Name = "currentUserResponse", Namespace = "esf", Order = 0)]
    public WcfCurrentUserResponse? Body { get; set; }
}

[XmlType(Namespace = "esf")]
public sealed class WcfCurrentUserResponse
{
    [XmlElement("user", Form = XmlSchemaForm.Unqualified, Order = 0)]
    public WcfUser? User { get; set; }
}

[XmlType(Namespace = "esf")]
public sealed class WcfUser
{
    [XmlElement("login", Form = XmlSchemaForm.Unqualified, Order = 0)]
    public string? Login { get; set; }

    [XmlElement("email", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? Email { get; set; }

    [XmlElement("status", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? Status { get; set; }

    [XmlElement("taxpayer", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public WcfTaxpayer? Taxpayer { get; set; }
}

[XmlType(Namespace = "esf")]
public sealed class WcfTaxpayer
{
    [XmlElement("tin", Form = XmlSchemaForm.Unqualified, Order = 0)]
    public string? Tin { get; set; }

    [XmlElement("nameRu", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? NameRu { get; set; }

    [XmlElement("resident", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public bool Resident { get; set; }

    [XmlElement("type", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? Type { get; set; }

    [XmlElement("resourceUser", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public bool ResourceUser { get; set; }
}
