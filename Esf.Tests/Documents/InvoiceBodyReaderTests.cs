using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Documents;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class InvoiceBodyReaderTests
{
    private static string Sample => TestInvoices.ContractSample;

    [Test]
    public void Read_WhenBodyIsTheContractSample_IsValidAndTyped()
    {
        var result = InvoiceBodyReader.Read(Sample);

        Assert.That(result.Violations, Is.Empty);
        Assert.That(result.Document!.Num, Is.EqualTo("1001"));
        Assert.That(result.Document.Date, Is.EqualTo(new DateOnly(2026, 11, 15)));
        Assert.That(result.Document.SellerTin, Is.EqualTo("123456789021"));
        Assert.That(result.Document.CustomerTin, Is.EqualTo("123456789011"));
    }

    [Test]
    public void Read_WhenAValueComesInThousandsOfPieces_JoinsThemWithoutCopyingTheValueForEachPiece()
    {
        // A value split into text and CDATA pieces is one string; joined by concatenation, each piece copied all before it:
        // 20,000 pieces would allocate about 400 MB (a request of 20 MB could hold millions), joined once a few MB.
        const int Pieces = 20_000;
        var body = Sample.Replace("<num>1001</num>", "<num>" + string.Concat(Enumerable.Repeat("1<![CDATA[0]]>", Pieces / 2)) + "</num>",
            StringComparison.Ordinal);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = InvoiceBodyReader.Read(body);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(result.Document!.Num, Is.EqualTo(string.Concat(Enumerable.Repeat("10", Pieces / 2))), "every piece read, in order");
        Assert.That(allocated, Is.LessThan(64L * 1024 * 1024), "bytes allocated reading the body");
    }

    [Test]
    public void Read_WhenTheSdkSampleIsRead_IsValid()
    {
        var sdkSample = SharedReference.SdkSample ?? "";
        if (!File.Exists(sdkSample))
        {
            Assert.Ignore("The shared reference folder is not beside this checkout.");
        }

        var container = File.ReadAllText(sdkSample);
        var start = container.IndexOf("<v2:invoice", StringComparison.Ordinal);
        var end = container.IndexOf("</v2:invoice>", StringComparison.Ordinal) + "</v2:invoice>".Length;
        var body = container[start..end];
        if (!body.Contains("xmlns:v2=", StringComparison.Ordinal))
        {
            body = body.Replace("<v2:invoice", "<v2:invoice xmlns:a=\"abstractInvoice.esf\" xmlns:v2=\"v2.esf\"", StringComparison.Ordinal);
        }

        Assert.That(InvoiceBodyReader.Read(body).Violations, Is.Empty);
    }

    [Test]
    public void Read_WhenSeveralElementsBreakTheSchema_ReportsEachWithItsPath()
    {
        var body = TestInvoices.Build("12A", "15.11.2026", "123456789021", "123456789011")
            .Replace("<ndsRate>12</ndsRate>\n        <priceWithTax>16800.00", "<ndsRate>150</ndsRate>\n        <priceWithTax>16800.00");

        var paths = InvoiceBodyReader.Read(body).Violations.Select(v => (v.RuleId, v.Property)).ToList();

        Assert.That(paths, Does.Contain(("GEN-11", "num")));
        Assert.That(paths, Does.Contain(("GEN-11", "productSet.products.product[1].ndsRate")));
    }

    [Test]
    public void Read_WhenBodyHasADtd_RefusesItWithoutExpandingEntities()
    {
        const string body = """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "INJECTED">]><v2:invoice xmlns:v2="v2.esf"><num>&e;</num></v2:invoice>""";

        var result = InvoiceBodyReader.Read(body);

        Assert.That(result.Document, Is.Null);
        Assert.That(result.Violations.Single().RuleId, Is.EqualTo("API-01"));
        Assert.That(result.Violations.Single().Message, Does.Contain("DTD"));
    }

    [Test]
    public void Read_WhenRootIsNotAnInvoiceV2_FailsTheSchema() =>
        Assert.That(InvoiceBodyReader.Read("<invoice><num>1</num></invoice>").Violations.Select(v => v.RuleId), Has.All.EqualTo("GEN-11"));

    [Test]
    public void Read_WhenDateIsNotDayMonthYear_LeavesTheDateEmpty() =>
        Assert.That(InvoiceBodyReader.Read(TestInvoices.Build("1", "2026-11-15", "123456789021", "123456789011")).Document!.Date, Is.Null);
}
