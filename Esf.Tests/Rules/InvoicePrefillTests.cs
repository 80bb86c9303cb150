using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules;
using Esf.Domain.Rules.Document;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Xml;
using NUnit.Framework;
using static Esf.Tests.Rules.WaybillScenarios;

namespace Esf.Tests.Rules;

/// <summary>
/// Tables 28 and 29 as <see cref="InvoicePrefill"/>: the invoice they give from the sample waybill, its corrected waybill and a
/// return, field by field, and — completed (1.1, operator) — valid against the XSD and every rule, the spec-snt rules included.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class InvoicePrefillTests
{
    private static readonly SignatureCheck SellerSignature = new(true, "870101300123", ValidBody.Seller);

    private static IReadOnlyList<RuleViolation> AllRules(InvoiceBody body, FakeRegistryView registry)
    {
        var document = InvoiceDocument.Of(body);
        return [.. InvoiceBodyReader.Read(InvoiceXmlWriter.Write(body)).Violations, .. DocumentControl.Run(document),
            .. RegistrationControl.Run(new RegistrationContext(document, SellerSignature, registry))];
    }

    private static OriginalInvoice MainInvoiceRecord(InvoiceBody body) =>
        new(7, "CREATED", "ORDINARY_INVOICE", ValidBody.Seller, ValidBody.Customer, "1001", Issued, body.ProductSet.TotalPriceWithTax) { Body = body };

    [Test]
    public void Main_WhenTakenFromAPrimaryWaybill_FillsTable28()
    {
        var primary = Primary();

        var invoice = InvoicePrefill.For(primary, Issued).Body;

        Assert.That((invoice.InvoiceType, invoice.Date, invoice.Num, invoice.RelatedInvoice), Is.EqualTo(("ORDINARY_INVOICE", Date, (string?)null, (RelatedInvoice?)null)));
        Assert.That((invoice.DeliveryDocNum, invoice.DeliveryDocDate, invoice.TurnoverDate), Is.EqualTo((primary.RegistrationNumber, "14.11.2026", "14.11.2026")));
        Assert.That((invoice.Sellers.Single().Tin, invoice.Sellers[0].Name, invoice.Customers.Single().Tin, invoice.Customers[0].CountryCode),
            Is.EqualTo((ValidBody.Seller, "ТОО «Демо Поставщик»", ValidBody.Customer, "KZ")));
        Assert.That((invoice.Consignor!.Tin, invoice.Consignee!.Tin, invoice.Consignee.CountryCode), Is.EqualTo((ValidBody.Seller, ValidBody.Customer, "KZ")));
        var terms = invoice.DeliveryTerm!;
        Assert.That((terms.HasContract, terms.ContractNum, terms.ContractDate, terms.Term, terms.TransportTypeCode, terms.Warrant, terms.WarrantDate,
            terms.DeliveryConditionCode), Is.EqualTo((true, "Д-77/2026", "01.11.2026", "Безналичный расчёт", "30", "15", "10.11.2026", "DAP")));
        Assert.That(invoice.ProductSet.Products.Select(p => p.ProductNumberInSnt), Is.EqualTo(new[] { "1/1", "2/1", "8/1" }));
        var vodka = invoice.ProductSet.Products[1];
        Assert.That((vodka.UnitCode, vodka.UnitNomenclature, vodka.Quantity, vodka.ExciseAmount, vodka.TurnoverSize, vodka.NdsAmount, vodka.PriceWithTax),
            Is.EqualTo(("2208601100", "112", 100m, 440000.00m, 690000.00m, 82800.00m, 772800.00m)));
        var cigarettes = invoice.ProductSet.Products[2];
        Assert.That((cigarettes.TnvedName, cigarettes.ProductDeclaration, cigarettes.ProductNumberInDeclaration),
            Is.EqualTo(("Сигареты, содержащие табак", "50100/011126/0012345", "3")));
        Assert.That((invoice.ProductSet.TotalTurnoverSize, invoice.ProductSet.TotalPriceWithTax), Is.EqualTo((1162206.00m, 1301670.72m)));
    }

    [Test]
    public void Main_WhenCompleted_PassesTheSchemaAndEveryRule()
    {
        var registry = new FakeRegistryView();
        var primary = Primary();
        registry.WaybillStore.Add(primary, WaybillStatus.NotViewed);

        Assert.That(AllRules(Invoice(primary), registry), Is.Empty);
    }

    [Test]
    public void Main_WhenNotCompleted_LacksOnlyWhatTheIssuerEnters()
    {
        var body = InvoicePrefill.For(Primary(), Issued).Body;

        var schema = InvoiceBodyReader.Read(InvoiceXmlWriter.Write(body)).Violations;

        Assert.That(schema.Select(v => v.RuleId), Is.Not.Empty.And.All.EqualTo("GEN-11"));
        Assert.That(schema[0].Message, Does.Contain("'num'"));
        Assert.That(DocumentControl.Run(InvoiceDocument.Of(body)).Select(v => v.RuleId), Is.EqualTo(new[] { "A-01" }));
    }

    [Test]
    public void Corrected_WhenTheDeclinedPrimaryCarriedTheMainInvoice_IsAFixedInvoicePassingEveryRule()
    {
        var registry = new FakeRegistryView();
        var primary = Primary();
        registry.WaybillStore.Add(primary, WaybillStatus.Declined, [MainInvoice], DeclinedOn);
        registry.Originals.Add(MainInvoiceRecord(Invoice(primary)));
        var corrected = Corrected(primary);
        registry.WaybillStore.Add(corrected, WaybillStatus.NotViewed);

        var invoice = Invoice(corrected, MainInvoiceLink);

        Assert.That((invoice.InvoiceType, invoice.RelatedInvoice!.Num, invoice.DeliveryDocNum), Is.EqualTo(("FIXED_INVOICE", "1001", corrected.RegistrationNumber)));
        Assert.That(invoice.ProductSet.Products[0].Quantity, Is.EqualTo(10m));
        Assert.That(AllRules(invoice, registry), Is.Empty);
    }

    [Test]
    public void Return_WhenTakenFromAReturnWaybill_IsANegativeAdditionalInvoiceOfTheOriginalParties()
    {
        var primary = Primary();
        var returned = Return(primary);

        var invoice = InvoicePrefill.For(returned, Issued, MainInvoiceLink).Body;

        Assert.That((invoice.InvoiceType, invoice.TurnoverDate, invoice.DeliveryDocNum), Is.EqualTo(("ADDITIONAL_INVOICE", Date, returned.RegistrationNumber)));
        Assert.That((invoice.Sellers[0].Tin, invoice.Customers[0].Tin), Is.EqualTo((ValidBody.Seller, ValidBody.Customer)));
        Assert.That((invoice.Consignor!.Tin, invoice.Consignee!.Tin), Is.EqualTo((ValidBody.Customer, ValidBody.Seller)));
        var paper = invoice.ProductSet.Products.Single();
        Assert.That((paper.Quantity, paper.UnitPrice, paper.PriceWithoutTax, paper.TurnoverSize, paper.NdsAmount, paper.PriceWithTax),
            Is.EqualTo((-2m, 1850.50m, -3701.00m, -3701.00m, -444.12m, -4145.12m)));
    }

    [Test]
    public void Return_WhenCompleted_PassesTheSchemaAndEveryRule()
    {
        var registry = new FakeRegistryView();
        var primary = Primary();
        registry.WaybillStore.Add(primary, WaybillStatus.Confirmed, [MainInvoice]);
        registry.Originals.Add(MainInvoiceRecord(Invoice(primary)));
        var returned = Return(primary);
        registry.WaybillStore.Add(returned, WaybillStatus.Confirmed);

        Assert.That(AllRules(Invoice(returned, MainInvoiceLink), registry), Is.Empty);
    }

    [Test]
    public void Export_WhenTheBuyerIsANonResident_SetsExporterAndNonResident()
    {
        var export = Primary(w =>
        {
            w.ExportType = WaybillTypeNames.Export;
            (w.Customer.NonResident, w.Customer.CountryCode, w.Customer.Statuses) = (true, "RU", [Categories.Committent]);
            w.Seller.Statuses = [Categories.Lessor, Categories.Lessee];
        });

        var invoice = InvoicePrefill.For(export, Issued).Body;

        Assert.That(invoice.Sellers[0].Statuses, Is.EqualTo(new[] { Categories.Lessor, Categories.Exporter }));
        Assert.That(invoice.Customers[0].Statuses, Is.EqualTo(new[] { Categories.Committent, Categories.NonResident }));
    }

    [Test]
    public void Transport_WhenMultimodal_IsLeftToTheIssuer() =>
        Assert.That(InvoicePrefill.For(Primary(w => w.Shipping.TransportType = WaybillTypeNames.Multimodal), Issued).Body.DeliveryTerm!.TransportTypeCode,
            Is.Null);

    [Test]
    public void Attorneys_AreTakenOnlyWithTheirDocumentsNumberAndDate()
    {
        var waybill = Primary(w =>
        {
            w.Seller.Agent = new() { Tin = "123456789055", DocNum = "7", DocDate = "01.11.2026" };
            w.Customer.Agent = new() { Tin = "123456789066", DocNum = "8" };
        });

        var invoice = InvoicePrefill.For(waybill, Issued).Body;

        Assert.That((invoice.SellerAgentTin, invoice.SellerAgentDocNum, invoice.SellerAgentDocDate), Is.EqualTo(("123456789055", "7", "01.11.2026")));
        Assert.That((invoice.CustomerAgentTin, invoice.CustomerAgentDocNum), Is.EqualTo(((string?)null, (string?)null)));
    }

    [Test]
    public void For_WhenTheWaybillIsNotRegistered_Throws() =>
        Assert.That(() => InvoicePrefill.For(Primary() with { RegistrationNumber = null }, Issued), Throws.ArgumentException);

    [Test]
    public void For_WhenAPrimaryWaybillIsGivenAnOriginal_Throws() =>
        Assert.That(() => InvoicePrefill.For(Primary(), Issued, MainInvoiceLink), Throws.ArgumentException);

    [Test]
    public void For_WhenAReturnWaybillHasNoOriginal_Throws() =>
        Assert.That(() => InvoicePrefill.For(Return(Primary()), Issued), Throws.ArgumentException);
}
