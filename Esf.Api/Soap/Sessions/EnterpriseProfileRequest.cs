using System.Xml.Schema;
using System.Xml.Serialization;
using Esf.Api.Soap.Framework;

namespace Esf.Api.Soap.Sessions;

/// <summary>
/// The first children every login-like SessionService request shares, in WSDL order: the enterprise (tin), the project and
/// the business profile. Subclasses add their credential (certificate or signed ticket) from Order 4 on.
/// </summary>
public abstract class EnterpriseProfileRequest
{
    [RequiredElement]
    [XmlElement("tin", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string? Tin { get; set; }

    [XmlElement("projectCode", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public long? ProjectCode { get; set; }

    [XmlElement("businessProfileType", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? BusinessProfileType { get; set; }
}
