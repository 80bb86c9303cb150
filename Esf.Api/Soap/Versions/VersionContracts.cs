using System.Xml.Schema;
using System.Xml.Serialization;

namespace Esf.Api.Soap.Versions;

/// <summary>esfVersionRequest: empty.</summary>
public sealed class EsfVersionRequest;

/// <summary>esfVersionResponse.</summary>
public sealed class EsfVersionResponse
{
    [XmlElement("version", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string Version { get; set; } = "";
}
