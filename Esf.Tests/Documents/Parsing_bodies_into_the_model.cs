using System.Text.Encodings.Web;
using System.Text.Json;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rules;
using NUnit.Framework;

namespace Esf.Tests.Documents;

/// <summary>
/// Golden test of every way a body becomes the model (issue 17): the gateway's validating pass (model and violations: rule id,
/// error code, path, message), the worker's pass over a stored body and the plain parse, for the contract samples, the tests'
/// and the bench's invoices and waybills, and the malformed and schema-invalid bodies the suites send. The expectations in
/// <c>Golden/</c> were written by the tree-based mapper (XElement) before the streaming one replaced it; they change only on
/// purpose: run once with <c>ESF_UPDATE_GOLDEN=1</c> and review the diff.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Parsing_bodies_into_the_model
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true, IncludeFields = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, IndentSize = 1,
    };

    private static string Invoice => TestInvoices.Build("A-17", "15.11.2026", "123456789021", "123456789011");

    private static string Waybill => ValidWaybill.SampleText;

    // Fixed TINs, so the bench's bodies are the same every run (the certificate plays no part in a body).
    private static Esf.Bench.Sender BenchSender => new(0, "910000120000", "920000120000", "930000120000",
        Esf.Infrastructure.Signatures.CertificateFactory.Create("БЕНЧ ОТПРАВИТЕЛЬ 0", "930000120000", "910000120000"));

    public static IEnumerable<TestCaseData> InvoiceBodies()
    {
        yield return Case("contract-sample", TestInvoices.ContractSample);
        yield return Case("test-invoice", Invoice);
        yield return Case("test-invoice-fixed", TestInvoices.Linked(Invoice, "FIXED_INVOICE", "A-16", "14.11.2026", "ESF-123456789021-20261114-00000001"));
        yield return Case("test-invoice-on-paper", TestInvoices.OnPaper(Invoice, "14.11.2026", "DOWN_TIME"));
        yield return Case("test-invoice-reorganized", TestInvoices.WithReorganizedSeller(Invoice, "123456789033"));
        yield return Case("test-invoice-full-return", TestInvoices.FullReturn(Invoice));
        yield return Case("test-invoice-nonresident", Invoice.Replace("<name>ТОО «Покупатель»</name>", "<name>ТОО «Покупатель»</name><statuses><status>NONRESIDENT</status></statuses>"));
        yield return Case("bench-invoice", Esf.Bench.InvoiceFactory.Body("B-1", "15.11.2026", BenchSender, 3));
        for (var seed = 1; seed <= 3; seed++)
        {
            var generated = new GeneratedInvoices(seed);
            yield return Case($"generated-{seed}", InvoiceXmlWriter.Write(generated.Next(), indent: seed == 2));
        }

        // Malformed and schema-invalid bodies, as the suites send them, and the corners of the mapping.
        yield return Case("invalid-num-and-nds-rate", Invoice.Replace("A-17", "12A").Replace("<ndsRate>12</ndsRate>\n        <priceWithTax>16800.00", "<ndsRate>150</ndsRate>\n        <priceWithTax>16800.00"));
        yield return Case("invalid-date-format", TestInvoices.Build("1", "2026-11-15", "123456789021", "123456789011"));
        yield return Case("invalid-root-unqualified", "<invoice><num>1</num></invoice>");
        yield return Case("invalid-root-waybill", Waybill);
        yield return Case("invalid-dtd", """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "INJECTED">]><v2:invoice xmlns:v2="v2.esf"><num>&e;</num></v2:invoice>""");
        yield return Case("invalid-unclosed", "<v2:invoice xmlns:v2=\"v2.esf\"><date>01.01.2026</v2:invoice>");
        yield return Case("invalid-truncated", "<v2:invoice xmlns:v2=\"v2.esf\"><num>1</num>");
        yield return Case("invalid-empty", "");
        yield return Case("invalid-not-xml", "{\"num\": 1}");
        yield return Case("invalid-too-deep", "<v2:invoice xmlns:v2=\"v2.esf\"><num>1</num>" + string.Concat(Enumerable.Repeat("<a>", 40)) + string.Concat(Enumerable.Repeat("</a>", 40)) + "</v2:invoice>");
        yield return Case("invalid-unknown-names", "<v2:invoice xmlns:v2=\"v2.esf\">" + string.Concat(Enumerable.Range(0, 30).Select(i => $"<n{i}/>")) + "</v2:invoice>");
        yield return Case("invalid-second-root", Invoice + "<v2:invoice xmlns:v2=\"v2.esf\"/>");
        yield return Case("invalid-declared-encoding", TestInvoices.ContractSample.Replace("encoding=\"UTF-8\"", "encoding=\"windows-1251\""));
        yield return Case("leaf-whitespace-cdata-comments", Invoice.Replace("<num>A-17</num>",
            "<num>A-17</num>\n  <addInf>   </addInf>\n  <operatorFullname>  <![CDATA[Иванов & сын]]> \n </operatorFullname><!-- a comment --><reasonPaper> <!-- inside --> DOWN_TIME </reasonPaper>"));
        yield return Case("duplicate-elements", Invoice.Replace("<num>A-17</num>", "<num>A-17</num><num>A-18</num>")
            .Replace("<quantity>", "<quantity>x</quantity><quantity>"));
        yield return Case("duplicate-wrappers", Invoice.Replace("</sellers>", "</sellers><sellers><seller><tin>999999999999</tin></seller></sellers>"));
        yield return Case("elements-out-of-order", Invoice.Replace("<num>A-17</num>", "").Replace("</productSet>", "</productSet><num>A-17</num>"));
        yield return Case("foreign-namespace-and-unknown", Invoice.Replace("<num>A-17</num>", "<v2:num>A-17</v2:num><unknown><num>9</num></unknown>")
            .Replace("<seller>", "<seller><extra>1</extra>"));
        yield return Case("leaf-with-children", Invoice.Replace("<num>A-17</num>", "<num>A-<b>1</b>7<c/></num>"));
        yield return Case("bad-values", Invoice.Replace("<ndsRate>12</ndsRate>", "<ndsRate> 12 </ndsRate>").Replace("<quantity>", "<quantity> ")
            .Replace("<hasContract>false</hasContract>", "<hasContract> 1 </hasContract>").Replace("<currencyCode>KZT</currencyCode>", "<currencyCode>KZT</currencyCode><currencyRate>1,5</currencyRate>"));
        yield return Case("empty-elements", "<v2:invoice xmlns:v2=\"v2.esf\"><num/><sellers/><customers><customer/></customers><productSet/><relatedInvoice/></v2:invoice>");
        yield return Case("empty-root", "<v2:invoice xmlns:v2=\"v2.esf\"/>");
    }

    public static IEnumerable<TestCaseData> WaybillBodies()
    {
        yield return Case("contract-sample", Waybill);
        yield return Case("bench-waybill", Esf.Bench.WaybillScenario.Body("W-1", "15.11.2026", BenchSender, 3));
        yield return Case("invalid-several", Waybill.Replace("<type>PRIMARY_SNT</type>", "<type>SECONDARY</type>").Replace("<quantity>500</quantity>", "<quantity>много</quantity>")
            .Replace("<tin>123456789011</tin>\n    <name>ИП", "<tin>12345</tin>\n    <name>ИП"));
        yield return Case("invalid-missing-num", Waybill.Replace("<num>СНТ-501</num>", ""));
        yield return Case("invalid-import-and-export", Waybill.Replace("<type>PRIMARY_SNT</type>", "<type>PRIMARY_SNT</type><importType>IMPORT</importType><exportType>EXPORT</exportType>"));
        yield return Case("invalid-root-invoice", TestInvoices.ContractSample);
        yield return Case("invalid-not-xml", "<snt:snt xmlns:snt=\"v1.snt\"><date>");
        yield return Case("invalid-dtd", """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "INJECTED">]><snt:snt xmlns:snt="v1.snt"><num>&e;</num></snt:snt>""");
        yield return Case("invalid-too-deep", "<snt:snt xmlns:snt=\"v1.snt\">" + string.Concat(Enumerable.Repeat("<a>", 40)) + string.Concat(Enumerable.Repeat("</a>", 40)) + "</snt:snt>");
        yield return Case("duplicates-and-unknown", Waybill.Replace("<num>СНТ-501</num>", "<num>СНТ-501</num><num>2</num><x><num>3</num></x>").Replace("<quantity>500</quantity>", "<quantity>500</quantity><quantity>1</quantity>"));
    }

    [TestCaseSource(nameof(InvoiceBodies))]
    public void An_invoice_body_reads_as_the_golden_model(string name, string body) => AssertGolden($"invoice-{name}", new
    {
        Gateway = Outcome(() => InvoiceBodyReader.Read(body) is var read ? new { read.Violations, read.Document } : null),
        Worker = Outcome(() => StoredInvoiceReader.Read(body)),
        Parsed = Outcome(() => InvoiceXmlParser.Parse(body)),
    });

    [TestCaseSource(nameof(WaybillBodies))]
    public void A_waybill_body_reads_as_the_golden_model(string name, string body) => AssertGolden($"waybill-{name}", new
    {
        Gateway = Outcome(() => WaybillBodyReader.Read(body) is var read ? new { read.Violations, Document = read.Document?.Body } : null),
        Parsed = Outcome(() => WaybillXmlParser.Parse(body)),
    });

    [Test]
    public void A_container_reads_its_v2_invoices_and_skips_the_rest()
    {
        var v2 = new GeneratedInvoices(11);
        var bodies = new[] { v2.Next(), v2.Next() };
        var container = InvoiceXmlWriter.WriteContainer(bodies)
            .Replace("<invoiceSet>", "<invoiceSet><v1:invoice xmlns:v1=\"v1.esf\"><num>old</num></v1:invoice>", StringComparison.Ordinal);

        var parsed = InvoiceXmlParser.ParseContainer(container);

        Assert.That(Json(parsed), Is.EqualTo(Json(bodies)));
    }

    private static TestCaseData Case(string name, string body) => new TestCaseData(name, body).SetArgDisplayNames(name);

    /// <summary>What a reading gave, or the exception it threw (type and message), so failures are golden too.</summary>
    private static object? Outcome(Func<object?> read)
    {
        try
        {
            return read();
        }
        catch (Exception e)
        {
            return new { Exception = e.GetType().Name, e.Message };
        }
    }

    private static string Json(object? value) => JsonSerializer.Serialize(value, Indented);

    private static void AssertGolden(string name, object outcome)
    {
        var file = Path.Combine(TestServices.RepositoryRoot, "Esf.Tests", "Documents", "Golden", name + ".json");
        var actual = Json(outcome) + "\n";
        if (Environment.GetEnvironmentVariable("ESF_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, actual);
        }

        Assert.That(File.Exists(file), Is.True, $"{file} is missing: run the test once with ESF_UPDATE_GOLDEN=1 and commit it.");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(file)), $"{name} no longer reads as {file} says.");
    }
}
