using System.Globalization;
using System.Net;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Waybills;
using Esf.Infrastructure.GovernmentSystems;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Rest;

/// <summary>
/// The invoice rules of spec-snt §9 on real PostgreSQL: an invoice whose 32.1 names a registered waybill is judged against it
/// through the database's <see cref="IWaybillView"/> (ADR 0024), and a registered one is linked to it for the next invoice.
/// </summary>
[TestFixture]
public sealed class Issuing_invoices_on_registered_waybills
{
    [Test]
    public async Task Should_register_the_invoice_tables_28_give_and_fail_a_second_one_on_the_same_waybill_with_SNT_R004()
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync();
        var (waybill, _) = await RegisterPaperWaybillAsync(parties);

        // Act
        var (_, first) = await UploadInvoiceAsync(parties, waybill);
        var (_, second) = await UploadInvoiceAsync(parties, waybill);

        // Assert
        Assert.That(first.GetProperty("status").GetString(), Is.EqualTo("CREATED"), first.ToString());
        Assert.That(RuleIds(second), Is.EqualTo(new[] { "SNT-R004" }), second.ToString());
    }

    [Test]
    public async Task Should_fail_an_invoice_whose_32_2_is_not_the_waybills_date_with_SNT_R056()
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync();
        var (waybill, _) = await RegisterPaperWaybillAsync(parties);

        // Act
        var (_, failed) = await UploadInvoiceAsync(parties, waybill, body => body.DeliveryDocDate = "01.01.2020");

        // Assert
        Assert.That(RuleIds(failed), Does.Contain("SNT-R056"), failed.ToString());
    }

    [Test]
    public async Task Should_prefill_the_invoice_of_table_28_that_registers_once_signed_and_refuse_a_second_one_and_other_enterprises()
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync();
        var (_, id) = await RegisterPaperWaybillAsync(parties);

        // Act
        var prefilled = await RestClient.ReadJsonAsync(await parties.Seller.Http.PostAsync($"api/v1/snt/{id}/invoice", null));
        var invoice = InvoiceXmlParser.Parse(prefilled.GetProperty("body").GetString()!);
        (invoice.Num, invoice.OperatorFullname) = (TestTenant.UniqueNum(), "Тестова Айгерим");
        var uploaded = (await parties.Seller.UploadAcceptedAsync(InvoiceXmlWriter.Write(invoice))).Single();
        var registered = await parties.Seller.WaitUntilProcessedAsync(uploaded);
        using var again = await parties.Seller.Http.PostAsync($"api/v1/snt/{id}/invoice", null);
        using var buyer = await parties.Buyer.Http.PostAsync($"api/v1/snt/{id}/invoice", null);
        using var stranger = await RestClient.LogInAsync();
        using var strangers = await stranger.Http.PostAsync($"api/v1/snt/{id}/invoice", null);

        // Assert
        Assert.That(prefilled.GetProperty("table").GetString(), Is.EqualTo("28"));
        Assert.That(registered.GetProperty("status").GetString(), Is.EqualTo("CREATED"), registered.ToString());
        var conflict = await ProblemAssertions.AssertProblemAsync(again, HttpStatusCode.Conflict);
        var notTheSupplier = await ProblemAssertions.AssertProblemAsync(buyer, HttpStatusCode.NotFound);
        await ProblemAssertions.AssertProblemAsync(strangers, HttpStatusCode.NotFound);
        Assert.That(conflict.GetProperty("errorCode").GetString(), Is.EqualTo("INVOICE_ALREADY_LINKED_WITH_SNT"));
        Assert.That(notTheSupplier.GetProperty("errorCode").GetString(), Is.EqualTo("SNT_NOT_FOUND"));
    }

    [Test]
    public async Task Should_tell_isgo_the_status_of_the_waybill_an_invoice_was_issued_on_and_nothing_for_an_ordinary_invoice()
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync();
        var (waybill, _) = await RegisterPaperWaybillAsync(parties);
        var (onWaybill, _) = await UploadInvoiceAsync(parties, waybill);
        var ordinary = (await parties.Seller.UploadAcceptedAsync(TestInvoices.Build(parties.Seller.Tenant))).Single();

        // Act
        var linked = await RestGateway.Fixture.Get<IWaybillStatusReader>().LinkedWaybillsAsync([onWaybill, ordinary], CancellationToken.None);

        // Assert
        Assert.That(linked, Is.EqualTo(new Dictionary<long, WaybillStatus> { [onWaybill] = WaybillStatus.NotViewed }));
    }

    private static IEnumerable<string?> RuleIds(System.Text.Json.JsonElement status) =>
        status.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()).Distinct();

    /// <summary>A primary waybill of one line of paper (section 1, origin 5: no customs or virtual-warehouse registry needed), registered.</summary>
    private static async Task<(WaybillDocument Waybill, long Id)> RegisterPaperWaybillAsync(WaybillRestDriver parties)
    {
        var body = parties.Body(b => b.ProductSet.Products = [b.ProductSet.Products[0]]);
        var id = (await parties.UploadAcceptedAsync(body)).Single();
        var number = (await parties.ProcessedAsync(id)).GetProperty("registrationNumber").GetString();
        return (new WaybillDocument(WaybillXmlParser.Parse(body)) { RegistrationNumber = number }, id);
    }

    private static async Task<(long Id, System.Text.Json.JsonElement Status)> UploadInvoiceAsync(
        WaybillRestDriver parties, WaybillDocument waybill, Action<InvoiceBody>? change = null)
    {
        var today = DateOnly.ParseExact(TestInvoices.Today, "dd.MM.yyyy", CultureInfo.InvariantCulture);
        var invoice = InvoicePrefill.For(waybill, today).Body;
        (invoice.Num, invoice.OperatorFullname) = (TestTenant.UniqueNum(), "Тестова Айгерим");
        change?.Invoke(invoice);
        var id = (await parties.Seller.UploadAcceptedAsync(InvoiceXmlWriter.Write(invoice))).Single();
        return (id, await parties.Seller.WaitUntilProcessedAsync(id));
    }
}
