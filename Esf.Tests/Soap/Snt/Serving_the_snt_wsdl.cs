using System.Net;
using System.Xml.Linq;
using Esf.Api.Soap.Snt;
using NUnit.Framework;

namespace Esf.Tests.Soap.Snt;

/// <summary>SntService's WSDL (ours, contracts/wsdl/SntService.wsdl) is served like the others and declares exactly the operations the service maps.</summary>
[TestFixture]
public sealed class Serving_the_snt_wsdl
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/wsdl/soap/";

    [Test]
    public async Task Should_serve_the_wsdl_with_the_gateways_address_and_every_operation_the_service_answers()
    {
        // Arrange
        using var client = RawSoapClient.Create();

        // Act
        var reply = await client.GetAsync("esf-web/ws/api1/SntService?wsdl");

        // Assert
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK));
        var expected = new Uri(SoapGateway.Fixture.BaseAddress, "esf-web/ws/api1/SntService").ToString();
        Assert.That(reply.Xml.Descendants(Soap + "address").Select(a => (string?)a.Attribute("location")), Is.EqualTo(new[] { expected }));
        var declared = reply.Xml.Descendants(Wsdl + "portType").Elements(Wsdl + "operation").Select(o => (string)o.Attribute("name")! + "Request");
        var mapped = SntOperations.Define().RequestElements.Select(e => e.Name);
        Assert.That(declared, Is.EquivalentTo(mapped));
    }
}
