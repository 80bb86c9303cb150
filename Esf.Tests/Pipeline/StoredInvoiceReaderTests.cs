using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Pipeline;

/// <summary>The worker's single pass over a stored body must give the header the gateway's XSD pass gave.</summary>
[TestFixture]
public sealed class StoredInvoiceReaderTests
{
    private const string NonResidentCustomer = "<name>ТОО «Покупатель»</name>";

    [TestCase("ORDINARY_INVOICE", false)]
    [TestCase("FIXED_INVOICE", false)]
    [TestCase("ORDINARY_INVOICE", true)]
    public void Read_WhenBodyIsValid_GivesTheHeaderTheGatewayRead(string type, bool nonResident)
    {
        var body = TestInvoices.Build("A-17", "15.11.2026", "123456789021", "123456789011").Replace("ORDINARY_INVOICE", type);
        if (nonResident)
        {
            body = body.Replace(NonResidentCustomer, NonResidentCustomer + "<statuses><status>NONRESIDENT</status></statuses>");
        }

        var gateway = InvoiceBodyReader.Read(body).Document!;
        var (worker, problem) = StoredInvoiceReader.Read(body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem, Is.Null);
            Assert.That(worker, Is.Not.Null);
            Assert.That((worker!.Num, worker.DateText, worker.Date, worker.TurnoverDate, worker.InvoiceType),
                Is.EqualTo((gateway.Num, gateway.DateText, gateway.Date, gateway.TurnoverDate, gateway.InvoiceType)));
            Assert.That(worker.Sellers, Is.EqualTo(gateway.Sellers));
            Assert.That(worker.Customers, Is.EqualTo(gateway.Customers));
            Assert.That(worker.Customers[0].IsNonResident, Is.EqualTo(nonResident));
            Assert.That(worker.Body.ProductSet.TotalPriceWithTax, Is.EqualTo(gateway.Body.ProductSet.TotalPriceWithTax));
        }
    }

    [Test]
    public void Read_OfIndentedBodies_GivesTheWholeModelOfThePlainParse()
    {
        // The bench's invoice (ten product lines, indented) and the tests' own; InvoiceXmlParser.Parse(string) reads as XElement.Load
        // did (Parsing_bodies_into_the_model holds both to what the tree-based code gave).
        var sender = Esf.Bench.InvoiceFactory.CreateSenders(1)[0];
        foreach (var body in new[]
        {
            Esf.Bench.InvoiceFactory.Body("A-17", "15.11.2026", sender, 3),
            TestInvoices.Build("A-17", "15.11.2026", "123456789021", "123456789011"),
        })
        {
            Assert.That(Json(StoredInvoiceReader.Read(body).Document!.Body), Is.EqualTo(Json(InvoiceXmlParser.Parse(body))));
        }
    }

    [Test]
    public void Read_KeepsEveryCharacterOfALeaf_WhitespaceAndCdataIncluded()
    {
        var body = TestInvoices.Build("A-17", "15.11.2026", "123456789021", "123456789011")
            .Replace("<num>A-17</num>", "<num>A-17</num>\n  <addInf>   </addInf>\n  <operatorFullname>  <![CDATA[Иванов & сын]]> \n </operatorFullname>"
                + "<!-- a comment --><reasonPaper> <!-- inside --> DOWN_TIME </reasonPaper>");

        var worker = StoredInvoiceReader.Read(body).Document!.Body;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(worker.AddInf, Is.EqualTo("   "));
            Assert.That(worker.OperatorFullname, Is.EqualTo("  Иванов & сын \n "));
            Assert.That(Json(worker), Is.EqualTo(Json(InvoiceXmlParser.Parse(body))));
        }
    }

    private static string Json(Esf.Domain.Invoices.Document.InvoiceBody body) => System.Text.Json.JsonSerializer.Serialize(body);

    [TestCase("<v2:invoice xmlns:v2=\"v2.esf\"><num>1</num>", "end of file")]
    [TestCase("<invoice><num>1</num></invoice>", "{v2.esf}invoice")]
    [TestCase("", "Root element is missing")]
    public void Read_WhenBodyCannotBeRead_GivesNoDocumentAndTheReason(string body, string reason)
    {
        var (document, problem) = StoredInvoiceReader.Read(body);

        Assert.That(document, Is.Null);
        Assert.That(problem, Does.Contain(reason).IgnoreCase);
    }
}
