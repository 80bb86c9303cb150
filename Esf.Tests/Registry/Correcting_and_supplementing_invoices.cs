using Esf.Domain.Invoices;
using Esf.Infrastructure.Invoices;
using Esf.Tests.Infrastructure;
using Esf.Tests.Pipeline;
using NUnit.Framework;

namespace Esf.Tests.Registry;

/// <summary>Corrected and additional invoices end to end through the worker: linkage, allowed originals and the CANCELED effect.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Correcting_and_supplementing_invoices
{
    private static string Linked(PipelineDriver driver, string type, (string Num, string DateText) original, string? registrationNumber = null) =>
        TestInvoices.Linked(TestInvoices.Build(driver.Tenant), type, original.Num, original.DateText, registrationNumber);

    private static async Task<InvoiceRecord> RegisterAsync(PipelineDriver driver, string body)
    {
        var upload = await driver.UploadAsync(driver.Item(body));
        Assert.That(upload.Declined, Is.Empty, string.Join("; ", upload.Declined.SelectMany(d => d.Errors).Select(e => $"{e.RuleId} {e.Property} {e.Message}")));
        return await driver.FinishedAsync(upload.Accepted[0].InvoiceId!.Value);
    }

    [Test]
    public async Task Should_cancel_the_original_when_its_corrected_invoice_is_registered()
    {
        var driver = await PipelineDriver.StartAsync(RegistryGateway.Fixture);
        var original = await RegisterAsync(driver, TestInvoices.Build(driver.Tenant));
        Assert.That(original.Status, Is.EqualTo(InvoiceStatus.Created));

        var corrected = await RegisterAsync(driver, Linked(driver, "FIXED_INVOICE", (original.Num, original.DateText), original.RegistrationNumber));

        Assert.That(corrected.Status, Is.EqualTo(InvoiceStatus.Created), string.Join("; ", (await ErrorsOrEmpty(driver, corrected)).Select(e => e.RuleId)));
        var queries = RegistryGateway.Fixture.Get<InvoiceQueries>();
        var after = (await queries.GetByIdsAsync(driver.Session, [original.InvoiceId], CancellationToken.None)).Single();
        Assert.That(after.Status, Is.EqualTo(InvoiceStatus.Canceled));
        var history = await queries.GetHistoryAsync(driver.Session, [original.InvoiceId], CancellationToken.None);
        Assert.That(history.Select(h => h.Status), Has.Member(InvoiceStatus.Canceled));
    }

    [Test]
    public async Task Should_annul_the_originals_additional_invoices_with_it_when_its_correction_is_registered()
    {
        // Arrange: Rules p.26, «аннулируются ЭСФ, к которым выписывается исправленный ЭСФ, и все дополнительные ЭСФ».
        var driver = await PipelineDriver.StartAsync(RegistryGateway.Fixture);
        var original = await RegisterAsync(driver, TestInvoices.Build(driver.Tenant));
        var additional = await RegisterAsync(driver, Linked(driver, "ADDITIONAL_INVOICE", (original.Num, original.DateText)));
        Assert.That(additional.Status, Is.EqualTo(InvoiceStatus.Created));

        // Act
        var corrected = await RegisterAsync(driver, Linked(driver, "FIXED_INVOICE", (original.Num, original.DateText)));

        // Assert
        var after = await RegistryGateway.Fixture.Get<InvoiceQueries>().GetByIdsAsync(
            driver.Session, [original.InvoiceId, additional.InvoiceId], CancellationToken.None);
        Assert.That(corrected.Status, Is.EqualTo(InvoiceStatus.Created));
        Assert.That(after.Select(i => (i.Status, i.CancelReason)), Is.All.EqualTo((InvoiceStatus.Canceled, "CANCEL_PARENT_INVOICE")));
    }

    [Test]
    public async Task Should_fail_a_second_correction_of_an_annulled_original_with_rule_COR10()
    {
        var driver = await PipelineDriver.StartAsync(RegistryGateway.Fixture);
        var original = await RegisterAsync(driver, TestInvoices.Build(driver.Tenant));
        await RegisterAsync(driver, Linked(driver, "FIXED_INVOICE", (original.Num, original.DateText)));

        var second = await RegisterAsync(driver, Linked(driver, "FIXED_INVOICE", (original.Num, original.DateText)));

        Assert.That(second.Status, Is.EqualTo(InvoiceStatus.Failed));
        Assert.That((await driver.ErrorsAsync(second.InvoiceId)).Select(e => e.RuleId), Is.EqualTo(new[] { "COR-10" }));
    }

    [Test]
    public async Task Should_fail_a_corrected_invoice_whose_original_does_not_exist_with_rule_COR01()
    {
        var driver = await PipelineDriver.StartAsync(RegistryGateway.Fixture);
        var missing = ("987654321", TestInvoices.Today);

        var corrected = await RegisterAsync(driver, Linked(driver, "FIXED_INVOICE", missing));

        Assert.That(corrected.Status, Is.EqualTo(InvoiceStatus.Failed));
        Assert.That((await driver.ErrorsAsync(corrected.InvoiceId)).Select(e => e.RuleId), Is.EqualTo(new[] { "COR-01" }));
    }

    [Test]
    public async Task Should_register_an_additional_invoice_and_keep_the_original_registered()
    {
        var driver = await PipelineDriver.StartAsync(RegistryGateway.Fixture);
        var original = await RegisterAsync(driver, TestInvoices.Build(driver.Tenant));

        var additional = await RegisterAsync(driver, Linked(driver, "ADDITIONAL_INVOICE", (original.Num, original.DateText)));

        Assert.That(additional.Status, Is.EqualTo(InvoiceStatus.Created));
        var after = (await RegistryGateway.Fixture.Get<InvoiceQueries>().GetByIdsAsync(driver.Session, [original.InvoiceId], CancellationToken.None)).Single();
        Assert.That(after.Status, Is.EqualTo(InvoiceStatus.Created));
    }

    [Test]
    public async Task Should_fail_a_return_that_takes_the_original_below_zero_with_earlier_additionals_counted_with_rule_ADD09()
    {
        var driver = await PipelineDriver.StartAsync(RegistryGateway.Fixture);
        var original = await RegisterAsync(driver, TestInvoices.Build(driver.Tenant));
        var firstReturn = await RegisterAsync(driver, TestInvoices.FullReturn(Linked(driver, "ADDITIONAL_INVOICE", (original.Num, original.DateText))));
        Assert.That(firstReturn.Status, Is.EqualTo(InvoiceStatus.Created), string.Join("; ", (await ErrorsOrEmpty(driver, firstReturn)).Select(e => e.RuleId)));

        var secondReturn = await RegisterAsync(driver, TestInvoices.FullReturn(Linked(driver, "ADDITIONAL_INVOICE", (original.Num, original.DateText))));

        Assert.That(secondReturn.Status, Is.EqualTo(InvoiceStatus.Failed));
        var errors = await driver.ErrorsAsync(secondReturn.InvoiceId);
        Assert.That(errors.Select(e => (e.RuleId, e.Property)), Is.EqualTo(new[] { ("ADD-09", "productSet.totalPriceWithTax") }));
    }

    private static async Task<IReadOnlyList<Esf.Domain.Rules.RuleViolation>> ErrorsOrEmpty(PipelineDriver driver, InvoiceRecord invoice) =>
        invoice.Status == InvoiceStatus.Failed ? await driver.ErrorsAsync(invoice.InvoiceId) : [];
}
