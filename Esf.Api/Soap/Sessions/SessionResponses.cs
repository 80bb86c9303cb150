using System.Xml.Schema;
using System.Xml.Serialization;

namespace Esf.Api.Soap.Sessions;

/// <summary>createSessionResponse.</summary>
public sealed class CreateSessionResponse
{
    [XmlElement("sessionId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string SessionId { get; set; } = "";
}

/// <summary>closeSessionResponse (also the answer of closeSessionByCredentials) and currentSessionStatusResponse.</summary>
public sealed class SessionStatusResponse
{
    /// <summary>sessionStatus: OK, CLOSED or NOT_FOUND.</summary>
    [XmlElement("status", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string Status { get; set; } = "";
}

/// <summary>currentUserResponse.</summary>
public sealed class CurrentUserResponse
{
    [XmlElement("user", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public UserContract User { get; set; } = new();
}

/// <summary>currentUserProfilesResponse.</summary>
public sealed class CurrentUserProfilesResponse
{
    [XmlArray("profileInfoList", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("profileInfo", Form = XmlSchemaForm.Unqualified)]
    public List<ProfileInfoContract> ProfileInfoList { get; set; } = [];
}

/// <summary>profileInfo (all children optional).</summary>
public sealed class ProfileInfoContract
{
    [XmlElement("iin", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? Iin { get; set; }

    [XmlElement("tin", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? Tin { get; set; }

    [XmlElement("businessProfileType", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? BusinessProfileType { get; set; }

    [XmlElement("status", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? Status { get; set; }

    /// <summary>profileType: GENERAL or PROJECT.</summary>
    [XmlElement("type", Form = XmlSchemaForm.Unqualified, Order = 5)]
    public string? Type { get; set; }

    [XmlElement("projectParticipantType", Form = XmlSchemaForm.Unqualified, Order = 6)]
    public string? ProjectParticipantType { get; set; }

    [XmlElement("projectCode", Form = XmlSchemaForm.Unqualified, Order = 7)]
    public long? ProjectCode { get; set; }

    [XmlElement("projectName", Form = XmlSchemaForm.Unqualified, Order = 8)]
    public string? ProjectName { get; set; }

    public bool ShouldSerializeProjectCode() => ProjectCode.HasValue;
}
