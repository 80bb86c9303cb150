using Esf.Domain.Invoices;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Waybills;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using NUnit.Framework;
using static Esf.Tests.Rules.WaybillScenarios;

namespace Esf.Tests.Rules;

/// <summary>
/// <see cref="InvoicePrefillService"/> on the parsed sample waybill and its corrected and return waybills: the InvoiceV2 body
/// of Tables 28/29 dated today in the issuer's world, the invoice it corrects or adjusts, and the refusals the worker would fail.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class InvoicePrefillServiceTests
{
    private static readonly InvoicePrefillService Service = new(ControlledClock.At(Issued));

    private static Esf.Domain.Invoices.Document.InvoiceBody Read(PrefilledInvoice prefilled) => InvoiceXmlParser.Parse(prefilled.Body);

    private static EsfException Refusal(RegisteredWaybill waybill, FakeWaybillView view, string tin = ValidBody.Seller) =>
        Assert.Throws<EsfException>(() => Service.Prefill(waybill, view, tin))!;

    [Test]
    public void Prefill_WhenTheSellerAsksOnAConfirmedPrimary_AnswersTheTable28BodyDatedToday()
    {
        var view = new FakeWaybillView();
        var primary = view.Add(Primary(), WaybillStatus.Confirmed);

        var prefilled = Service.Prefill(primary, view, ValidBody.Seller);

        Assert.That((prefilled.Table, prefilled.InvoiceType, prefilled.Version), Is.EqualTo(("28", "ORDINARY_INVOICE", "InvoiceV2")));
        var body = Read(prefilled);
        Assert.That((body.Date, body.DeliveryDocNum, body.Sellers[0].Tin), Is.EqualTo((Date, primary.Document.RegistrationNumber, ValidBody.Seller)));
        Assert.That(InvoiceXmlWriter.Write(body), Is.EqualTo(InvoiceXmlWriter.Write(InvoicePrefill.For(primary.Document, Issued).Body)),
            "the body is the domain's mapping, written as InvoiceV2");
    }

    [Test]
    public void Prefill_WhenACorrectedWaybillsPrimaryCarriesAnInvoice_AnswersAFixedInvoiceCorrectingIt()
    {
        var view = new FakeWaybillView();
        var primary = view.Add(Primary(), WaybillStatus.Declined, [MainInvoice], DeclinedOn);
        var corrected = view.Add(Corrected(primary.Document), WaybillStatus.NotViewed);

        var body = Read(Service.Prefill(corrected, view, ValidBody.Seller));

        Assert.That((body.InvoiceType, body.RelatedInvoice?.RegistrationNumber, body.RelatedInvoice?.Num, body.RelatedInvoice?.Date),
            Is.EqualTo(("FIXED_INVOICE", MainInvoice.RegistrationNumber, "1001", Date)));
    }

    [Test]
    public void Prefill_WhenACorrectedWaybillsPrimaryCarriesNoInvoice_AnswersAMainInvoice()
    {
        var view = new FakeWaybillView();
        var primary = view.Add(Primary(), WaybillStatus.Canceled);
        var corrected = view.Add(Corrected(primary.Document), WaybillStatus.NotViewed);

        Assert.That(Service.Prefill(corrected, view, ValidBody.Seller).InvoiceType, Is.EqualTo("ORDINARY_INVOICE"));
    }

    [Test]
    public void Prefill_WhenTheBuyerOfTheOriginalDealReturns_AnswersTheTable29AdditionalInvoiceToItsSupplier()
    {
        var view = new FakeWaybillView();
        var primary = view.Add(Primary(), WaybillStatus.Confirmed, [MainInvoice]);
        var returned = view.Add(Return(primary.Document), WaybillStatus.Confirmed);

        var prefilled = Service.Prefill(returned, view, ValidBody.Seller);

        var body = Read(prefilled);
        Assert.That((prefilled.Table, body.InvoiceType, body.RelatedInvoice?.RegistrationNumber), Is.EqualTo(("29", "ADDITIONAL_INVOICE", MainInvoice.RegistrationNumber)));
        Assert.That((body.Sellers[0].Tin, body.Customers[0].Tin), Is.EqualTo((ValidBody.Seller, ValidBody.Customer)), "a field follows its party");
        Assert.That(body.ProductSet.Products.Single().Quantity, Is.EqualTo(-2m));
    }

    [Test]
    public void Prefill_WhenTheReturnedWaybillCarriesNoInvoiceInForce_IsRefused()
    {
        var view = new FakeWaybillView();
        var primary = view.Add(Primary(), WaybillStatus.Confirmed, [MainInvoice with { Status = InvoiceStatus.Revoked }]);
        var returned = view.Add(Return(primary.Document), WaybillStatus.Confirmed);

        Assert.That(Refusal(returned, view).ErrorCode, Is.EqualTo("MAIN_FOR_ADDITIONAL_INVOICES_NOT_FOUND"));
    }

    [TestCase(ValidBody.Customer)]
    [TestCase("999999999999")]
    public void Prefill_WhenAnyoneButTheInvoicesSupplierAsks_AnswersNotFound(string tin)
    {
        var view = new FakeWaybillView();
        var primary = view.Add(Primary(), WaybillStatus.Confirmed);

        var refusal = Refusal(primary, view, tin);

        Assert.That((refusal.Kind, refusal.ErrorCode), Is.EqualTo((EsfFaultKind.NotFound, "SNT_NOT_FOUND")));
    }

    [TestCase(WaybillStatus.SendToIsgo, "LOCKED_BY_SENDING_TO_ISGO")]
    [TestCase(WaybillStatus.Declined, "SNT_BASED_INVOICE_SNT_STATUS_NOT_ALLOWED")]
    [TestCase(WaybillStatus.Revoked, "SNT_BASED_INVOICE_SNT_STATUS_NOT_ALLOWED")]
    public void Prefill_WhenTheWaybillsStatusAllowsNoInvoice_IsRefusedWithTheRulesCode(WaybillStatus status, string code)
    {
        var view = new FakeWaybillView();

        var refusal = Refusal(view.Add(Primary(), status), view);

        Assert.That((refusal.Kind, refusal.ErrorCode), Is.EqualTo((EsfFaultKind.Conflict, code)));
    }

    [Test]
    public void Prefill_WhenAnInvoiceIsInForceOnTheWaybill_IsRefusedWithR004sCode()
    {
        var view = new FakeWaybillView();

        Assert.That(Refusal(view.Add(Primary(), WaybillStatus.Confirmed, [MainInvoice]), view).ErrorCode, Is.EqualTo("INVOICE_ALREADY_LINKED_WITH_SNT"));
    }

    [TestCase("IMPORT")]
    [TestCase("TEMPORARY_IMPORT")]
    public void Prefill_WhenTheWaybillIsAnImport_IsRefusedWithR158sCode(string importType)
    {
        var view = new FakeWaybillView();
        var import = view.Add(Primary(b => b.ImportType = importType), WaybillStatus.Confirmed);

        Assert.That(Refusal(import, view).ErrorCode, Is.EqualTo("SNT_BASED_INVOICE_IMPORT_TYPE_NOT_ALLOWED"));
    }
}
