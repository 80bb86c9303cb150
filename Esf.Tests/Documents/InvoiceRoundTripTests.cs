using System.Xml.Linq;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rules;
using NUnit.Framework;

namespace Esf.Tests.Documents;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class InvoiceRoundTripTests
{
    private static string SdkSample => SharedReference.SdkSample ?? "";

    [Test]
    public void Write_WhenTheSdkContainerIsParsed_ReproducesIt()
    {
        if (!File.Exists(SdkSample))
        {
            Assert.Ignore("The shared reference folder is not beside this checkout.");
        }

        var input = XElement.Parse(File.ReadAllText(SdkSample));

        var written = XElement.Parse(InvoiceXmlWriter.WriteContainer(InvoiceXmlParser.ParseContainer(input.ToString())));

        Assert.That(XNode.DeepEquals(XmlComparison.Normalized(input), XmlComparison.Normalized(written)), Is.True, written.ToString());
    }

    [Test]
    public void Write_WhenTheTestInvoiceIsParsed_IsCanonicalAndSchemaValid()
    {
        var input = TestInvoices.Build("1001", ValidBody.Date, "123456789021", "123456789011");

        var written = InvoiceXmlWriter.Write(InvoiceXmlParser.Parse(input));

        Assert.That(written, Does.StartWith("<v2:invoice xmlns:a=\"abstractInvoice.esf\" xmlns:v2=\"v2.esf\"><date>15.11.2026</date>"));
        Assert.That(XNode.DeepEquals(XmlComparison.Normalized(XElement.Parse(input)), XmlComparison.Normalized(XElement.Parse(written))), Is.True);
        Assert.That(InvoiceBodyReader.Read(written).Violations, Is.Empty);
    }

    [TestCase(1), TestCase(2), TestCase(3), TestCase(4), TestCase(5), TestCase(6), TestCase(7), TestCase(8)]
    public void Write_WhenAGeneratedInvoiceIsParsedBack_IsUnchanged(int seed)
    {
        var generated = new GeneratedInvoices(seed);
        for (var i = 0; i < 25; i++)
        {
            var first = InvoiceXmlWriter.Write(generated.Next());

            var second = InvoiceXmlWriter.Write(InvoiceXmlParser.Parse(first));

            Assert.That(second, Is.EqualTo(first));
            Assert.That(InvoiceBodyReader.Read(first).Violations.Where(v => v.RuleId == "API-01"), Is.Empty);
        }
    }

    [Test]
    public void Read_WhenTheInvoiceHasTheSchemaMaximumOfLines_ChecksWithoutErrors()
    {
        var body = ValidBody.Create();
        var line = body.ProductSet.Products[1];
        body.ProductSet.Products = [.. Enumerable.Range(0, 200).Select(_ => Clone(line))];
        body.ProductSet.TotalNdsAmount = 200 * line.NdsAmount;
        body.ProductSet.TotalPriceWithTax = 200 * line.PriceWithTax;
        body.ProductSet.TotalPriceWithoutTax = 200 * line.PriceWithoutTax;
        body.ProductSet.TotalTurnoverSize = 200 * line.TurnoverSize;

        var result = InvoiceBodyReader.Read(InvoiceXmlWriter.Write(body));

        Assert.That(result.Violations, Is.Empty);
        Assert.That(DocumentControl.Run(result.Document!), Is.Empty);
        Assert.That(result.Document!.Body.ProductSet.Products, Has.Count.EqualTo(200));
    }

    [Test]
    public void DocumentControl_WhenOptionalSectionsAndListsAreMissing_DoesNotCrash()
    {
        var body = ValidBody.Create();
        body.Sellers.Clear();
        body.Customers.Clear();
        body.ProductSet = new ProductSet();
        body.Date = body.TurnoverDate = body.Num = null;

        var violations = DocumentControl.Run(ValidBody.Document(body));

        Assert.That(violations.Select(v => v.RuleId), Is.SupersetOf(new[] { "A-01", "A-04", "G-01", "G-07" }));
    }

    private static Product Clone(Product p) =>
        InvoiceXmlParser.Parse(InvoiceXmlWriter.Write(new InvoiceBody { ProductSet = new() { Products = [p] } }))
            .ProductSet.Products[0];
}
