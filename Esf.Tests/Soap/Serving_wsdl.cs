using System.Net;
using System.Xml.Linq;
using NUnit.Framework;

namespace Esf.Tests.Soap;

/// <summary>GET ?wsdl serves the static contract with soap:address at the gateway's public address (Esf:PublicBaseUrl).</summary>
[TestFixture]
public sealed class Serving_wsdl
{
    [TestCase("SessionService")]
    [TestCase("UploadInvoiceService")]
    [TestCase("InvoiceService")]
    [TestCase("VersionService")]
    [TestCase("AuthService")]
    public async Task Should_serve_the_wsdl_with_the_gateways_address_as_soap_address(string service)
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

    [Test]
    public async Task Should_not_take_the_soap_address_from_a_forged_host_header()
    {
        // Arrange: a cache in front would store whatever address this answer names (security review L11).
        using var http = SoapGateway.Fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "esf-web/ws/api1/InvoiceService?wsdl") { Headers = { Host = "attacker.example" } };

        // Act
        using var response = await http.SendAsync(request);

        // Assert
        var wsdl = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace soap = "http://schemas.xmlsoap.org/wsdl/soap/";
        var expected = new Uri(SoapGateway.Fixture.BaseAddress, "esf-web/ws/api1/InvoiceService").ToString();
        Assert.That(wsdl.Descendants(soap + "address").Select(a => (string?)a.Attribute("location")), Is.EqualTo(new[] { expected }));
    }
}
