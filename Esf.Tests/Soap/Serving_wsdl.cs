using System.Net;
using System.Xml.Linq;
using NUnit.Framework;

namespace Esf.Tests.Soap;

/// <summary>GET ?wsdl serves the static contract with soap:address pointing where the client asked.</summary>
[TestFixture]
public sealed class Serving_wsdl
{
    [TestCase("SessionService")]
    [TestCase("UploadInvoiceService")]
    [TestCase("InvoiceService")]
    [TestCase("VersionService")]
    [TestCase("AuthService")]
    public async Task Should_serve_the_wsdl_with_the_request_url_as_soap_address(string service)
    {
        using var client = RawSoapClient.Create();

        var reply = await client.GetAsync($"esf-web/ws/api1/{service}?wsdl");

        var expected = new Uri(SoapGateway.Fixture.BaseAddress, $"esf-web/ws/api1/{service}").ToString();
        XNamespace soap = "http://schemas.xmlsoap.org/wsdl/soap/";
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reply.ContentType, Does.StartWith("text/xml"));
        Assert.That(reply.Xml.Descendants(soap + "address").Select(a => (string?)a.Attribute("location")), Is.EqualTo(new[] { expected }));
        Assert.That(reply.Xml.Root?.Attribute("targetNamespace")?.Value, Is.EqualTo("esf"));
    }
}
