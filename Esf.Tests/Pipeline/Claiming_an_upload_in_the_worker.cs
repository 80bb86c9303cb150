using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Invoices;
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
public sealed class Claiming_an_upload_in_the_worker
{
    private GatewayFixture gateway = null!;

    // Private host: gateway role only, so no consumer races the registrar the tests drive themselves.
    [OneTimeSetUp]
    public async Task StartAsync() => gateway = await GatewayFixture.StartAsync(roles: "gateway");

    [OneTimeTearDown]
    public async Task StopAsync() => await gateway.DisposeAsync();

    [Test]
    public async Task Should_fail_a_stored_body_the_worker_cannot_read_with_api_06_and_the_reason()
    {
        // Arrange: altered in the database after the gateway validated it.
        var driver = await PipelineDriver.StartAsync(gateway);
        var upload = await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)));
        var id = upload.Accepted[0].InvoiceId!.Value;
        await ExecuteAsync("UPDATE invoices SET body = '<v2:invoice xmlns:v2=\"v2.esf\"><num>' WHERE invoice_id = @Id", new { Id = id });

        // Act
        await gateway.Create<InvoiceRegistrar>().ProcessAsync(upload.UploadId!.Value, CancellationToken.None);

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
    public async Task Should_leave_invoices_in_queue_while_another_delivery_holds_the_claim_and_register_them_once_the_claim_is_stale()
    {
        // Arrange: another worker claimed the upload a moment ago.
        var driver = await PipelineDriver.StartAsync(gateway);
        var upload = await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)), driver.Item(TestInvoices.Build(driver.Tenant)));
        var uploadId = upload.UploadId!.Value;
        var ids = upload.Accepted.Select(a => a.InvoiceId!.Value).ToList();
        await ExecuteAsync("UPDATE uploads SET claimed_at = now(), claim_count = 1, claim_token = 'other' WHERE upload_id = @Id", new { Id = uploadId });
        var registrar = gateway.Create<InvoiceRegistrar>();

        // Act
        await registrar.ProcessAsync(uploadId, CancellationToken.None);
        var whileClaimed = await gateway.Get<InvoiceQueries>().GetByIdsAsync(driver.Session, ids, CancellationToken.None);
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
        var driver = await PipelineDriver.StartAsync(gateway);
        var uploadId = (await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)))).UploadId!.Value;
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        await connection.OpenAsync();
        var lease = TimeSpan.FromSeconds(30);

        // Act
        var first = await UploadClaims.TryClaimAsync(connection, uploadId, "delivery-1", lease, CancellationToken.None);
        var retry = await UploadClaims.TryClaimAsync(connection, uploadId, "delivery-1", lease, CancellationToken.None);
        var other = await UploadClaims.TryClaimAsync(connection, uploadId, "delivery-2", lease, CancellationToken.None);

        // Assert
        var count = await connection.ExecuteScalarAsync<int>("SELECT claim_count FROM uploads WHERE upload_id = @Id", new { Id = uploadId });
        Assert.That((first, retry, other, count), Is.EqualTo((true, true, false, 1)));
    }

    [Test]
    public async Task Should_keep_a_claim_fresh_while_its_worker_beats_and_let_it_age_after()
    {
        // Arrange
        var driver = await PipelineDriver.StartAsync(gateway);
        var uploadId = (await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)))).UploadId!.Value;
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        await connection.OpenAsync();
        var lease = TimeSpan.FromSeconds(1);
        await UploadClaims.TryClaimAsync(connection, uploadId, "slow-worker", lease, CancellationToken.None);

        // Act: two leases pass while the heartbeat runs, then two more after it stopped
        bool takenWhileBeating, takenAfter;
        await using (ClaimHeartbeat.Start(gateway.Get<NpgsqlDataSource>(), uploadId, UploadClaims.Token("slow-worker"), lease / 4))
        {
            await Task.Delay(lease * 2);
            takenWhileBeating = await UploadClaims.TryClaimAsync(connection, uploadId, "other", lease, CancellationToken.None);
        }

        await Task.Delay(lease * 2);
        takenAfter = await UploadClaims.TryClaimAsync(connection, uploadId, "other", lease, CancellationToken.None);

        // Assert
        Assert.That((takenWhileBeating, takenAfter), Is.EqualTo((false, true)));
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
