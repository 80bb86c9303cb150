using System.Xml.Linq;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rules;
using NUnit.Framework;

namespace Esf.Tests.Documents;

/// <summary>SntV1: the contract sample reads, round-trips and validates; the schema refuses what it must, with the element's path.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WaybillXmlTests
{
    private static string Sample => ValidWaybill.SampleText;

    private static IEnumerable<(string RuleId, string Property)> Refusals(string body) =>
        WaybillBodyReader.Read(body).Violations.Select(v => (v.RuleId, v.Property));

    [Test]
    public void Read_WhenBodyIsTheContractSample_IsValidAndTyped()
    {
        var result = WaybillBodyReader.Read(Sample);

        Assert.That(result.Violations, Is.Empty);
        var waybill = result.Document!;
        Assert.That((waybill.Type, waybill.Movement, waybill.Date, waybill.SellerTin, waybill.CustomerTin),
            Is.EqualTo((WaybillType.Primary, WaybillMovement.Domestic, new DateOnly(2026, 11, 14), "123456789021", "123456789011")));
        Assert.That(waybill.Body.ProductSet.Products.Select(p => p.Key), Is.EqualTo(new[] { "1/1", "2/1", "8/1" }));
        Assert.That(waybill.Body.ProductSet.Products[1].ExciseAmount, Is.EqualTo(440000.00m));
    }

    [Test]
    public void Write_WhenTheSampleIsParsed_ReproducesIt()
    {
        var written = WaybillXmlWriter.Write(WaybillXmlParser.Parse(Sample));

        Assert.That(written, Does.StartWith("<snt:snt xmlns:snt=\"v1.snt\"><date>14.11.2026</date><num>СНТ-501</num>"));
        Assert.That(XNode.DeepEquals(XmlComparison.Normalized(XElement.Parse(Sample)), XmlComparison.Normalized(XElement.Parse(written))), Is.True, written);
    }

    [Test]
    public void Write_WhenEveryElementIsFilled_RoundTripsAndValidates()
    {
        var body = WaybillScenarios.Return(WaybillScenarios.Primary()).Body;
        body.Seller.Agent = new() { Tin = "123456789055", DocNum = "7", DocDate = "01.11.2026" };
        (body.Seller.BranchTin, body.Seller.ReorganizedTin, body.Seller.NonResident, body.Seller.Statuses) =
            ("123456789066", "123456789077", false, ["COMMITTENT", "LESSEE"]);
        (body.Shipping.TransporterTin, body.ProductSet.CurrencyCode, body.ProductSet.CurrencyRate) = ("123456789088", "USD", 470.5m);
        var paper = body.ProductSet.Products[0];
        (paper.ExciseRate, paper.ExciseAmount, paper.Additional, paper.TnvedName) = (0m, 0.00m, "партия 5", "Бумага");
        body.ImportType = WaybillTypeNames.TemporaryImport;

        var first = WaybillXmlWriter.Write(body);
        var second = WaybillXmlWriter.Write(WaybillXmlParser.Parse(first));

        Assert.That(second, Is.EqualTo(first));
        Assert.That(WaybillBodyReader.Read(first).Violations, Is.Empty);
    }

    [Test]
    public void Read_WhenSeveralElementsBreakTheSchema_ReportsEachWithItsPath()
    {
        var body = Sample.Replace("<type>PRIMARY_SNT</type>", "<type>SECONDARY</type>")
            .Replace("<quantity>500</quantity>", "<quantity>много</quantity>")
            .Replace("<tin>123456789011</tin>\n    <name>ИП", "<tin>12345</tin>\n    <name>ИП");

        Assert.That(Refusals(body), Is.SupersetOf(new[]
        {
            ("SNT-GEN-11", "type"), ("SNT-GEN-11", "productSet.products.product[2].quantity"), ("SNT-GEN-11", "customer.tin"),
        }));
    }

    [Test]
    public void Read_WhenARequiredElementIsMissing_RefusesIt() =>
        Assert.That(WaybillBodyReader.Read(Sample.Replace("<num>СНТ-501</num>", "")).Violations.Single(),
            Has.Property("RuleId").EqualTo("SNT-GEN-11").And.Property("Message").Contains("'num'"));

    [Test]
    public void Read_WhenTheRelatedNumberIsNot42Digits_RefusesIt()
    {
        var body = Sample.Replace("<type>PRIMARY_SNT</type>",
            "<type>FIXED_SNT</type><relatedSnt><registrationNumber>ESF-1</registrationNumber><date>10.11.2026</date></relatedSnt>");

        Assert.That(Refusals(body), Is.EqualTo(new[] { ("SNT-GEN-11", "relatedSnt.registrationNumber") }));
    }

    [Test]
    public void Read_WhenImportAndExportAreBothGiven_RefusesIt() =>
        Assert.That(Refusals(Sample.Replace("<type>PRIMARY_SNT</type>", "<type>PRIMARY_SNT</type><importType>IMPORT</importType><exportType>EXPORT</exportType>"))
            .Select(r => r.RuleId), Is.EqualTo(new[] { "SNT-GEN-11" }));

    [Test]
    public void Read_WhenThereAreMoreThan200Lines_RefusesIt()
    {
        var start = Sample.IndexOf("<product>", StringComparison.Ordinal);
        var line = Sample[start..(Sample.IndexOf("</product>", StringComparison.Ordinal) + "</product>".Length)];
        var body = Sample.Insert(start, string.Concat(Enumerable.Repeat(line, 200)));

        Assert.That(Refusals(body).Select(r => r.RuleId), Is.EqualTo(new[] { "SNT-GEN-11" }));
    }

    [Test]
    public void Read_WhenTheRootIsAnInvoice_RefusesIt()
    {
        var invoice = TestInvoices.ContractSample;

        Assert.That(WaybillBodyReader.Read(invoice).Violations.First().Message, Does.Contain("{v1.snt}snt"));
    }

    [Test]
    public void InvoiceReader_WhenGivenAWaybill_RefusesIt() =>
        Assert.That(InvoiceBodyReader.Read(Sample).Violations.Select(v => v.RuleId), Does.Contain("GEN-11"));

    [Test]
    public void Read_WhenBodyIsNotXml_FailsWithSntApi01()
    {
        var result = WaybillBodyReader.Read("<snt:snt xmlns:snt=\"v1.snt\"><date>");

        Assert.That(result.Document, Is.Null);
        Assert.That(result.Violations.Single(), Has.Property("RuleId").EqualTo("SNT-API-01").And.Property("ErrorCode").EqualTo("WRONG_XML_FORMAT"));
    }

    [Test]
    public void Read_WhenBodyHasADtd_RefusesItWithoutExpandingEntities()
    {
        const string body = """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "INJECTED">]><snt:snt xmlns:snt="v1.snt"><num>&e;</num></snt:snt>""";

        var result = WaybillBodyReader.Read(body);

        Assert.That(result.Document, Is.Null);
        Assert.That(result.Violations.Single().Message, Does.Contain("DTD"));
    }

    [Test]
    public void Read_WhenNestedAbsurdlyDeep_StopsWithSntApi01()
    {
        var body = "<snt:snt xmlns:snt=\"v1.snt\">" + string.Concat(Enumerable.Repeat("<a>", 40)) + string.Concat(Enumerable.Repeat("</a>", 40)) + "</snt:snt>";

        Assert.That(WaybillBodyReader.Read(body).Violations.Single().RuleId, Is.EqualTo("SNT-API-01"));
    }
}
