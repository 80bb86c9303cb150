using Esf.Domain.Invoices;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Registration;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Pipeline;

/// <summary>
/// Corrections and additional invoices of one original judged at the same time, by workers of different uploads or against a
/// revocation: the worker locks the original in its verdict transaction and judges it as it is after the lock. A test holds
/// the original's row (standing for the concurrent transaction), lets the workers queue on it, then releases it. The
/// gateway-only process has no consumer, so the tests drive <see cref="InvoiceRegistrar"/> themselves.
/// </summary>
[TestFixture]
public sealed class Racing_for_one_original : WorkerlessGateway
{
    private const string LockOriginal = "SELECT 1 FROM invoices WHERE invoice_id = @Id FOR UPDATE";

    [TestCase("FIXED_INVOICE", "COR-10", InvoiceStatus.Canceled,
        TestName = "Should_register_one_of_two_concurrent_corrections_of_an_original_and_fail_the_other_with_COR10")]
    [TestCase("ADDITIONAL_INVOICE", "ADD-09", InvoiceStatus.Created,
        TestName = "Should_register_one_of_two_concurrent_full_returns_of_an_original_and_fail_the_other_with_ADD09")]
    public async Task Should_let_one_of_two_concurrent_invoices_of_an_original_stand(string type, string ruleId, InvoiceStatus originalAfter)
    {
        // Arrange: two corrections, or two returns of everything (one alone leaves the original at zero, both below it).
        var driver = await PipelineDriver.StartAsync(Gateway);
        var original = await RegisterAsync(driver, TestInvoices.Build(driver.Tenant));
        var first = await UploadAsync(driver, Linked(driver, original, type));
        var second = await UploadAsync(driver, Linked(driver, original, type));

        // Act: both workers reach the original while a third transaction holds it.
        await using (var held = await RowLock.TakeAsync(LockOriginal, new { Id = original.InvoiceId }))
        {
            var work = Task.WhenAll(ProcessAsync(first), ProcessAsync(second));
            await held.UntilWaitedForAsync(2, work, "both invoices to wait for their original");
            await held.ReleaseAsync();
            await work;
        }

        // Assert
        InvoiceStatus[] statuses = [(await ReadAsync(driver, first)).Status, (await ReadAsync(driver, second)).Status];
        var failed = statuses[0] == InvoiceStatus.Failed ? first : second;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Is.EquivalentTo(new[] { InvoiceStatus.Created, InvoiceStatus.Failed }));
            Assert.That((await driver.ErrorsAsync(failed.InvoiceId)).Select(e => e.RuleId), Is.EqualTo(new[] { ruleId }));
            Assert.That((await ReadAsync(driver, original.InvoiceId)).Status, Is.EqualTo(originalAfter));
        }
    }

    [Test]
    public async Task Should_fail_a_correction_whose_original_was_revoked_while_it_waited_with_COR10()
    {
        // Arrange
        var driver = await PipelineDriver.StartAsync(Gateway);
        var original = await RegisterAsync(driver, TestInvoices.Build(driver.Tenant));
        var correction = await UploadAsync(driver, Linked(driver, original, "FIXED_INVOICE"));

        // Act: the revocation holds the original, the worker waits, the revocation commits.
        await using (var revocation = await RowLock.TakeAsync(LockOriginal, new { Id = original.InvoiceId }))
        {
            var work = ProcessAsync(correction);
            await revocation.UntilWaitedForAsync(1, work, "the correction to wait for its original");
            await revocation.ExecuteAsync("UPDATE invoices SET status = 'REVOKED' WHERE invoice_id = @Id", new { Id = original.InvoiceId });
            await revocation.CommitAsync();
            await work;
        }

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await ReadAsync(driver, correction)).Status, Is.EqualTo(InvoiceStatus.Failed));
            Assert.That((await driver.ErrorsAsync(correction.InvoiceId)).Select(e => e.RuleId), Is.EqualTo(new[] { "COR-10" }));
            Assert.That((await ReadAsync(driver, original.InvoiceId)).Status, Is.EqualTo(InvoiceStatus.Revoked), "the revocation stands");
        }
    }

    /// <summary>A correction (FIXED_INVOICE) or a full return (ADDITIONAL_INVOICE) of <paramref name="original"/>.</summary>
    private static string Linked(PipelineDriver driver, InvoiceRecord original, string type)
    {
        var body = TestInvoices.Linked(TestInvoices.Build(driver.Tenant), type, original.Num, original.DateText, original.RegistrationNumber);
        return type == "ADDITIONAL_INVOICE" ? TestInvoices.FullReturn(body) : body;
    }

    private async Task<InvoiceRecord> RegisterAsync(PipelineDriver driver, string body)
    {
        var uploaded = await UploadAsync(driver, body);
        await ProcessAsync(uploaded);
        var invoice = await ReadAsync(driver, uploaded);
        Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Created));
        return invoice;
    }

    private static async Task<(long UploadId, long InvoiceId)> UploadAsync(PipelineDriver driver, string body)
    {
        var upload = await driver.UploadAsync(driver.Item(body));
        Assert.That(upload.Declined, Is.Empty);
        return (upload.UploadId!.Value, upload.Accepted[0].InvoiceId!.Value);
    }

    private Task ProcessAsync((long UploadId, long InvoiceId) uploaded) =>
        Task.Run(() => Gateway.Create<InvoiceRegistrar>().ProcessAsync(uploaded.UploadId, CancellationToken.None));

    private Task<InvoiceRecord> ReadAsync(PipelineDriver driver, (long UploadId, long InvoiceId) uploaded) => ReadAsync(driver, uploaded.InvoiceId);

    private async Task<InvoiceRecord> ReadAsync(PipelineDriver driver, long invoiceId) =>
        (await Gateway.Get<InvoiceQueries>().GetByIdsAsync(driver.Session, [invoiceId], CancellationToken.None)).Single();
}
