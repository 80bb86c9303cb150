using System.Xml;
using System.Xml.Serialization;

namespace Esf.Api.Soap.Framework;

/// <summary>One operation of a service, found by the qualified name of the first element of soap:Body.</summary>
public abstract class SoapOperation(string requestElement)
{
    public XmlQualifiedName RequestElement { get; } = new(requestElement, SoapNamespaces.Esf);

    /// <summary>Reads the request element the reader is positioned on, leaving the reader after its end tag.</summary>
    public abstract object ReadRequest(XmlReader reader);

    public abstract Task<object> InvokeAsync(object request, SoapCall call);

    /// <summary>Writes the response element (only the element: the envelope is the caller's).</summary>
    public abstract void WriteResponse(XmlWriter writer, object response, XmlSerializerNamespaces namespaces);
}

/// <summary>An operation with typed request and response, each bound to its element with one cached XmlSerializer.</summary>
public sealed class SoapOperation<TRequest, TResponse>(
    string requestElement, string responseElement, Func<TRequest, SoapCall, Task<TResponse>> handler) : SoapOperation(requestElement)
    where TRequest : class
    where TResponse : class
{
    // Built once per operation: XmlSerializer constructed with an XmlRootAttribute is not cached by the runtime.
    private readonly XmlSerializer requestSerializer = new(typeof(TRequest), new XmlRootAttribute(requestElement) { Namespace = SoapNamespaces.Esf });
    private readonly XmlSerializer responseSerializer = new(typeof(TResponse), new XmlRootAttribute(responseElement) { Namespace = SoapNamespaces.Esf });

    public override object ReadRequest(XmlReader reader)
    {
        object? request;
        try
        {
            request = requestSerializer.Deserialize(reader);
        }
        catch (InvalidOperationException exception)
        {
            // XmlSerializer wraps the real cause ("'x' is not a valid value…", malformed XML) in "There is an error in XML document (l, c)".
            var cause = exception.InnerException is { } inner ? $"{exception.Message} {inner.Message}" : exception.Message;
            throw SoapFaultException.Client(cause);
        }

        if (request is not TRequest typed)
        {
            throw SoapFaultException.Client($"The element {RequestElement.Name} could not be read.");
        }

        RequiredElements.Check(typed, RequestElement.Name);
        return typed;
    }

    public override async Task<object> InvokeAsync(object request, SoapCall call) => await handler((TRequest)request, call);

    public override void WriteResponse(XmlWriter writer, object response, XmlSerializerNamespaces namespaces) =>
        responseSerializer.Serialize(writer, response, namespaces);
}
