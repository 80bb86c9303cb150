using System.Xml;
using System.Xml.Serialization;

namespace Esf.Api.Soap.Framework;

/// <summary>
/// A SOAP service at /esf-web/ws/api1/{Name}: its operations keyed by request element, and the prefix it writes for the
/// "esf" namespace (clients that read raw XML match literal prefixes such as ns2:createSessionResponse).
/// </summary>
public sealed class SoapServiceDefinition(string name, string esfPrefix)
{
    private readonly Dictionary<XmlQualifiedName, SoapOperation> operations = [];

    public string Name { get; } = name;

    public string EsfPrefix { get; } = esfPrefix;

    /// <summary>
    /// Whether the fault detail carries an errorCode after its description. The real services' WSDLs declare the description
    /// only, so their faults stay as they are; the gateway's own services (SntService, ADR 0032) declare and write both.
    /// </summary>
    public bool FaultsCarryErrorCode { get; init; }

    /// <summary>Declares only the esf prefix, so that responses carry no xsi/xsd declarations.</summary>
    public XmlSerializerNamespaces ResponseNamespaces { get; } = new([new XmlQualifiedName(esfPrefix, SoapNamespaces.Esf)]);

    public SoapServiceDefinition Map<TRequest, TResponse>(
        string requestElement, string responseElement, Func<TRequest, SoapCall, Task<TResponse>> handler)
        where TRequest : class
        where TResponse : class => Add(new SoapOperation<TRequest, TResponse>(requestElement, responseElement, handler));

    /// <summary>The request elements of its operations (a test compares them with the WSDL's).</summary>
    public IEnumerable<XmlQualifiedName> RequestElements => operations.Keys;

    public SoapOperation? Find(XmlQualifiedName bodyElement) => operations.GetValueOrDefault(bodyElement);

    private SoapServiceDefinition Add(SoapOperation operation)
    {
        operations.Add(operation.RequestElement, operation);
        return this;
    }
}
