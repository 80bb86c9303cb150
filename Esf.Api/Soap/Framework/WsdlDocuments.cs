using System.Collections.Concurrent;
using System.Text;
using System.Xml;
using System.Xml.Linq;

using Esf.Api.Hosting;

namespace Esf.Api.Soap.Framework;

/// <summary>
/// Serves the static WSDL of each service (contracts/wsdl/{Service}.wsdl next to the executable) with every soap:address
/// rewritten to the service's URL at the gateway's public address, so that generated clients call the gateway. Never the
/// request's Host: a cache in front would keep a forged address for every client (security review L11).
/// </summary>
public sealed class WsdlDocuments(GatewayAddress gateway)
{
    private static readonly HashSet<string> AddressNamespaces =
        ["http://schemas.xmlsoap.org/wsdl/soap/", "http://schemas.xmlsoap.org/wsdl/soap12/"];

    private readonly ConcurrentDictionary<string, Lazy<XDocument>> documents = new();

    public async Task WriteAsync(HttpContext http, string serviceName)
    {
        var document = new XDocument(documents.GetOrAdd(serviceName, name => new Lazy<XDocument>(() => Load(name))).Value);
        var location = $"{gateway.BaseUrl}{SoapEndpointExtensions.BasePath}/{serviceName}";
        foreach (var address in document.Descendants().Where(e => e.Name.LocalName == "address" && AddressNamespaces.Contains(e.Name.NamespaceName)))
        {
            address.SetAttributeValue("location", location);
        }

        using var buffer = new MemoryStream();
        await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) }))
        {
            await document.SaveAsync(writer, http.RequestAborted);
        }

        http.Response.ContentType = "text/xml; charset=utf-8";
        http.Response.ContentLength = buffer.Length;
        await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), http.RequestAborted);
    }

    private static XDocument Load(string serviceName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "contracts", "wsdl", serviceName + ".wsdl");
        return XDocument.Load(path, LoadOptions.PreserveWhitespace);
    }
}
