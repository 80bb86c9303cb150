using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Messaging;
using Esf.Infrastructure.Registration;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Pipeline;

/// <summary>
/// The worker claims an upload (one row in <c>uploads</c>) and moves its invoices from IN_QUEUE straight to their verdict.
/// The gateway-only process has no consumer, so each test drives <see cref="InvoiceRegistrar"/> itself.
/// </summary>
[TestFixture]
public sealed class Claiming_an_upload_in_the_worker : WorkerlessGateway
{
    [Test]
    public async Task Should_fail_a_stored_body_the_worker_cannot_read_with_api_06_and_the_reason()
    {
        // Arrange: altered in the database after the gateway validated it.
        var driver = await PipelineDriver.StartAsync(Gateway);
        var upload = await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)));
        var id = upload.Accepted[0].InvoiceId!.Value;
        await ExecuteAsync("UPDATE invoices SET body = '<v2:invoice xmlns:v2=\"v2.esf\"><num>' WHERE invoice_id = @Id", new { Id = id });

        // Act
        await Gateway.Create<InvoiceRegistrar>().ProcessAsync(upload.UploadId!.Value, CancellationToken.None);

        // Assert
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        var error = await connection.QuerySingleAsync<(string RuleId, string Property, string Text)>(
            "SELECT rule_id, property, text FROM invoice_errors WHERE invoice_id = @Id", new { Id = id });
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await PipelineInvariants.StatusesAsync([id])).Single().Status, Is.EqualTo("FAILED"));
            Assert.That((error.RuleId, error.Property), Is.EqualTo(("API-06", "invoiceBody")));
            Assert.That(error.Text, Does.Contain("end of file").IgnoreCase);
            Assert.That(await HistoryAsync(id), Is.EqualTo(new[] { "→IN_QUEUE", "IN_QUEUE→FAILED" }));
        }
    }

    [Test]
    public async Task Should_fail_only_the_invoice_whose_original_no_longer_reads_with_api_06_and_register_the_rest_of_its_batch()
    {
        // Arrange: a registered original whose stored body was altered in the database; then one upload with a correction of it
        // and an unrelated invoice.
        var driver = await PipelineDriver.StartAsync(Gateway);
        var originalUpload = await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)));
        await Gateway.Create<InvoiceRegistrar>().ProcessAsync(originalUpload.UploadId!.Value, CancellationToken.None);
        var original = (await Gateway.Get<InvoiceQueries>().GetByIdsAsync(driver.Session, [originalUpload.Accepted[0].InvoiceId!.Value], CancellationToken.None)).Single();
        await ExecuteAsync("UPDATE invoices SET body = '<v2:invoice xmlns:v2=\"v2.esf\"><num>' WHERE invoice_id = @Id", new { Id = original.InvoiceId });
        var upload = await driver.UploadAsync(
            driver.Item(TestInvoices.Linked(TestInvoices.Build(driver.Tenant), "FIXED_INVOICE", original.Num, original.DateText)),
            driver.Item(TestInvoices.Build(driver.Tenant)));
        var (correction, unrelated) = (upload.Accepted[0].InvoiceId!.Value, upload.Accepted[1].InvoiceId!.Value);

        // Act
        await Gateway.Create<InvoiceRegistrar>().ProcessAsync(upload.UploadId!.Value, CancellationToken.None);

        // Assert
        var errors = await driver.ErrorsAsync(correction);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await PipelineInvariants.StatusesAsync([unrelated])).Single().Status, Is.EqualTo("CREATED"));
            Assert.That((await PipelineInvariants.StatusesAsync([correction])).Single().Status, Is.EqualTo("FAILED"));
            Assert.That(errors.Select(e => (e.RuleId, e.Property)), Is.EqualTo(new[] { ("API-06", "relatedInvoice") }));
            Assert.That(errors[0].Message, Does.Contain("основной ЭСФ не читается"));
        }
    }

    [Test]
    public async Task Should_leave_invoices_in_queue_while_another_delivery_holds_the_claim_and_register_them_once_the_claim_is_stale()
    {
        // Arrange: another worker claimed the upload a moment ago.
        var driver = await PipelineDriver.StartAsync(Gateway);
        var upload = await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)), driver.Item(TestInvoices.Build(driver.Tenant)));
        var uploadId = upload.UploadId!.Value;
        var ids = upload.Accepted.Select(a => a.InvoiceId!.Value).ToList();
        await ExecuteAsync("UPDATE uploads SET claimed_at = now(), claim_count = 1, claim_token = 'other' WHERE upload_id = @Id", new { Id = uploadId });
        var registrar = Gateway.Create<InvoiceRegistrar>();

        // Act
        await registrar.ProcessAsync(uploadId, CancellationToken.None);
        var whileClaimed = await Gateway.Get<InvoiceQueries>().GetByIdsAsync(driver.Session, ids, CancellationToken.None);
        await ExecuteAsync("UPDATE uploads SET claimed_at = now() - interval '1 hour' WHERE upload_id = @Id", new { Id = uploadId });
        await registrar.ProcessAsync(uploadId, CancellationToken.None);
        await registrar.ProcessAsync(uploadId, CancellationToken.None);

        // Assert
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        var claims = await connection.QuerySingleAsync<(int Count, bool Finished)>(
            "SELECT claim_count, finished_at IS NOT NULL FROM uploads WHERE upload_id = @Id", new { Id = uploadId });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileClaimed.Select(i => i.Status), Is.All.EqualTo(InvoiceStatus.InQueue), "no verdict yet: still queued");
            Assert.That((await PipelineInvariants.StatusesAsync(ids)).Select(s => s.Status), Is.All.EqualTo("CREATED"));
            Assert.That(await HistoryAsync(ids[0]), Is.EqualTo(new[] { "→IN_QUEUE", "IN_QUEUE→CREATED" }));
            Assert.That(claims, Is.EqualTo((2, true)), "the finished upload is not claimed again");
        }
    }

    [Test]
    public async Task Should_count_retries_of_one_delivery_as_one_claim_and_refuse_a_concurrent_delivery()
    {
        // Arrange
        var driver = await PipelineDriver.StartAsync(Gateway);
        var uploadId = (await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)))).UploadId!.Value;
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        await connection.OpenAsync();
        var lease = TimeSpan.FromSeconds(30);

        // Act
        var first = await UploadOutbox.TryClaimAsync(connection, uploadId, "delivery-1", lease, CancellationToken.None) is not null;
        var retry = await UploadOutbox.TryClaimAsync(connection, uploadId, "delivery-1", lease, CancellationToken.None) is not null;
        var other = await UploadOutbox.TryClaimAsync(connection, uploadId, "delivery-2", lease, CancellationToken.None) is not null;

        // Assert
        var count = await connection.ExecuteScalarAsync<int>("SELECT claim_count FROM uploads WHERE upload_id = @Id", new { Id = uploadId });
        Assert.That((first, retry, other, count), Is.EqualTo((true, true, false, 1)));
    }

    [Test]
    public async Task Should_keep_a_claim_fresh_while_its_worker_beats_and_let_it_age_after()
    {
        // Arrange
        var driver = await PipelineDriver.StartAsync(Gateway);
        var uploadId = (await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)))).UploadId!.Value;
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        await connection.OpenAsync();
        var lease = TimeSpan.FromSeconds(1);
        await UploadOutbox.TryClaimAsync(connection, uploadId, "slow-worker", lease, CancellationToken.None);

        // Act: two leases pass while the heartbeat runs, then two more after it stopped
        bool takenWhileBeating, takenAfter;
        await using (ClaimHeartbeat.Start(Gateway.Get<NpgsqlDataSource>(), uploadId, UploadOutbox.Token("slow-worker"), lease / 4))
        {
            await Task.Delay(lease * 2);
            takenWhileBeating = await UploadOutbox.TryClaimAsync(connection, uploadId, "other", lease, CancellationToken.None) is not null;
        }

        await Task.Delay(lease * 2);
        takenAfter = await UploadOutbox.TryClaimAsync(connection, uploadId, "other", lease, CancellationToken.None) is not null;

        // Assert
        Assert.That((takenWhileBeating, takenAfter), Is.EqualTo((false, true)));
    }

    [Test]
    public async Task Should_hold_the_uploads_row_before_it_waits_for_an_invoice_as_the_relay_does()
    {
        // Arrange: another transaction holds the upload's invoice (the relay locks uploads, then invoices: the worker must too,
        // or each waits for the other).
        var driver = await PipelineDriver.StartAsync(Gateway);
        var upload = await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)));
        var (uploadId, invoiceId) = (upload.UploadId!.Value, upload.Accepted[0].InvoiceId!.Value);
        await using var held = await RowLock.TakeAsync("SELECT 1 FROM invoices WHERE invoice_id = @Id FOR UPDATE", new { Id = invoiceId });

        // Act: the worker runs until it waits for that invoice; meanwhile, is the upload row free?
        var work = Gateway.Create<InvoiceRegistrar>().ProcessAsync(uploadId, CancellationToken.None);
        await held.UntilWaitedForAsync(1, work, "the worker to wait for the held invoice");
        var uploadRowHeld = await RowLock.IsHeldAsync("SELECT 1 FROM uploads WHERE upload_id = @Id FOR UPDATE NOWAIT", new { Id = uploadId });
        await held.ReleaseAsync();
        await work;

        // Assert
        Assert.That(uploadRowHeld, Is.True, "the worker locks its uploads row before the invoices");
        Assert.That((await PipelineInvariants.StatusesAsync([invoiceId])).Single().Status, Is.EqualTo("CREATED"));
    }

    private static async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        await connection.ExecuteAsync(sql, parameters);
    }

    private static async Task<List<string>> HistoryAsync(long invoiceId)
    {
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        return [.. await connection.QueryAsync<string>(
            "SELECT coalesce(from_status, '') || '→' || to_status FROM invoice_status_history WHERE invoice_id = @Id ORDER BY id", new { Id = invoiceId })];
    }
}
