using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Esf.Api.Soap.Snt;
using NUnit.Framework;

namespace Esf.Tests.Soap.Snt;

/// <summary>
/// SntService's WSDL (ours, contracts/wsdl/SntService.wsdl) is served like the others, declares exactly the operations the
/// service maps, and its schema accepts what the service answers.
/// </summary>
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

    [Test]
    public async Task Should_answer_what_its_own_schema_accepts()
    {
        // Arrange
        using var driver = await SntSoapDriver.StartAsync(SoapGateway.Fixture);
        var schemas = await SchemaOfTheWsdlAsync(driver.Client);
        var upload = await driver.UploadAsync(driver.Seller, driver.Body(), "not xml");
        var id = long.Parse(upload.Elements("id").Single(), System.Globalization.CultureInfo.InvariantCulture);
        await driver.ProcessedAsync(id);

        // Act
        var replies = new[]
        {
            upload,
            await driver.ByIdAsync("querySntById", driver.Seller, id),
            await driver.ByIdAsync("querySntStatusById", driver.Seller, id),
            await driver.ByIdAsync("querySntHistoryById", driver.Seller, id),
            await Registering_waybills_over_soap.Search(driver, driver.Seller, "<limit>1</limit>"),
            await driver.ChangeAsync("declineSntById", driver.Buyer, id),
            await driver.ChangeAsync("confirmSntById", driver.Buyer, id),
        };

        // Assert
        foreach (var reply in replies)
        {
            var response = reply.Xml.Descendants().First(e => e.Name.LocalName == "Body").Elements().Single();
            var errors = new List<string>();
            new XDocument(response).Validate(schemas, (_, e) => errors.Add(e.Message));
            Assert.That(errors, Is.Empty, reply.ToString());
        }
    }

    private static async Task<XmlSchemaSet> SchemaOfTheWsdlAsync(RawSoapClient client)
    {
        var wsdl = (await client.GetAsync("esf-web/ws/api1/SntService?wsdl")).Xml;
        var schemas = new XmlSchemaSet();
        foreach (var schema in wsdl.Descendants(XNamespace.Get("http://www.w3.org/2001/XMLSchema") + "schema"))
        {
            using var reader = schema.CreateReader();
            schemas.Add(XmlSchema.Read(reader, null)!);
        }

        schemas.Compile();
        return schemas;
    }
}
