using System.ServiceModel;
using System.Xml.Schema;
using System.Xml.Serialization;

namespace Esf.Tests.Soap.Wcf;

[ServiceContract(Namespace = "esf", Name = "VersionService")]
[XmlSerializerFormat(SupportFaults = true)]
public interface IWcfVersionService
{
    [OperationContract(Action = "", ReplyAction = "*")]
    Task<WcfGetVersionResponseMessage> GetVersionAsync(WcfGetVersionRequestMessage request);
}

[MessageContract(IsWrapped = false)]
public sealed class WcfGetVersionRequestMessage
{
    [MessageBodyMember(Name = "esfVersionRequest", Namespace = "esf", Order = 0)]
    public WcfEsfVersionRequest Body { get; set; } = new();
}

[XmlType(Namespace = "esf")]
public sealed class WcfEsfVersionRequest;

[MessageContract(IsWrapped = false)]
public sealed class WcfGetVersionResponseMessage
{
    [MessageBodyMember(Name = "esfVersionResponse", Namespace = "esf", Order = 0)]
    public WcfEsfVersionResponse? Body { get; set; }
}

[XmlType(Namespace = "esf")]
public sealed class WcfEsfVersionResponse
{
    [XmlElement("version", Form = XmlSchemaForm.Unqualified, Order = 0)]
    public string? Version { get; set; }
}
