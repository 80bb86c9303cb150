using Dapper;
using Esf.Infrastructure;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Messaging;
using Esf.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Pipeline;

/// <summary>
/// The relay tells a backlog from a crash by the claims in <c>uploads</c>: a waiting upload is republished with a growing
/// pause and never failed; one that workers claimed RelayMaxAttempts times without a verdict is failed with API-06.
/// A gateway-only process (no consumer on its in-memory bus) leaves its uploads waiting, as a deep queue would.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class Relaying_unfinished_uploads
{
    private const int Grace = 30;
    private const int MaxAttempts = 5;

    private GatewayFixture gateway = null!;
    private UploadRelay relay = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // Private host: gateway role only, so uploads wait unconsumed and the test drives its own relay.
        gateway = await GatewayFixture.StartAsync(roles: "gateway");
        relay = new UploadRelay(gateway.Get<NpgsqlDataSource>(), gateway.Get<IBus>(),
            Options.Create(new EsfOptions { RelayGraceSeconds = Grace, RelayMaxAttempts = MaxAttempts }), TimeProvider.System,
            NullLogger<UploadRelay>.Instance);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        relay.Dispose();
        await gateway.DisposeAsync();
    }

    [Test]
    public async Task Should_republish_with_a_growing_pause_and_not_fail_an_upload_no_worker_ever_claimed()
    {
        // Arrange: waiting ten graces, published twice the attempts — the old relay failed such invoices with API-06.
        var upload = await UploadAsync();
        await SetAsync(upload.UploadId!.Value, "received_at = now() - interval '1 hour', published_at = now() - interval '1 hour', publish_count = 10");

        // Act
        await relay.SweepAsync(upload.UploadId!.Value, CancellationToken.None);
        var afterFirst = await UploadRowAsync(upload.UploadId!.Value);
        await relay.SweepAsync(upload.UploadId!.Value, CancellationToken.None);
        var afterSecond = await UploadRowAsync(upload.UploadId!.Value);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await PipelineInvariants.StatusesAsync(Ids(upload))).Select(s => s.Status), Is.All.EqualTo("IN_QUEUE"));
            Assert.That(afterFirst.PublishCount, Is.EqualTo(11), "republished");
            Assert.That(afterFirst.Finished, Is.False);
            Assert.That(afterSecond.PublishCount, Is.EqualTo(11), "not again before grace × 2ⁿ");
        }
    }

    [Test]
    public async Task Should_leave_a_freshly_claimed_upload_to_its_worker_and_republish_it_once_the_claim_is_stale()
    {
        // Arrange
        var upload = await UploadAsync();
        await SetAsync(upload.UploadId!.Value,
            "received_at = now() - interval '1 hour', published_at = now() - interval '1 hour', claimed_at = now(), claim_count = 1");

        // Act
        await relay.SweepAsync(upload.UploadId!.Value, CancellationToken.None);
        var whileClaimed = await UploadRowAsync(upload.UploadId!.Value);
        await SetAsync(upload.UploadId!.Value, "claimed_at = now() - interval '1 hour'");
        await relay.SweepAsync(upload.UploadId!.Value, CancellationToken.None);
        var afterStaleClaim = await UploadRowAsync(upload.UploadId!.Value);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileClaimed.PublishCount, Is.EqualTo(1), "a worker is on it");
            Assert.That(afterStaleClaim.PublishCount, Is.EqualTo(2), "its worker died: published again");
            Assert.That((await PipelineInvariants.StatusesAsync(Ids(upload))).Select(s => s.Status), Is.All.EqualTo("IN_QUEUE"));
        }
    }

    [Test]
    public async Task Should_fail_with_api_06_an_upload_claimed_max_attempts_times_without_a_verdict()
    {
        // Arrange
        var upload = await UploadAsync();
        await SetAsync(upload.UploadId!.Value,
            $"received_at = now() - interval '1 hour', published_at = now() - interval '1 hour', claimed_at = now() - interval '1 hour', claim_count = {MaxAttempts}");

        // Act
        await relay.SweepAsync(upload.UploadId!.Value, CancellationToken.None);

        // Assert
        var ids = Ids(upload);
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        var errors = (await connection.QueryAsync<(string RuleId, string ErrorCode, string Text)>(
            "SELECT rule_id, error_code, text FROM invoice_errors WHERE invoice_id = ANY(@Ids)", new { Ids = ids.ToArray() })).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await PipelineInvariants.StatusesAsync(ids)).Select(s => s.Status), Is.All.EqualTo("FAILED"));
            Assert.That(errors.Select(e => (e.RuleId, e.ErrorCode)), Is.EqualTo(new[] { ("API-06", "UNEXPECTED_ERROR"), ("API-06", "UNEXPECTED_ERROR") }));
            Assert.That(errors[0].Text, Does.Contain($"{MaxAttempts} попыток"));
            Assert.That((await PipelineInvariants.FinishCountsAsync(ids)).Values, Is.All.EqualTo(1));
            Assert.That((await UploadRowAsync(upload.UploadId!.Value)).Finished, Is.True);
        }
    }

    [Test]
    public async Task Should_publish_a_republication_with_no_lock_held_on_its_uploads_row()
    {
        // Arrange: an upload due for republication, and a relay whose bus looks at the uploads row when it is asked to publish.
        var upload = await UploadAsync();
        var uploadId = upload.UploadId!.Value;
        await SetAsync(uploadId, "received_at = now() - interval '1 hour', published_at = now() - interval '1 hour', publish_count = 1");
        var (bus, probe) = UploadRowProbingBus.Create();
        using var probedRelay = new UploadRelay(gateway.Get<NpgsqlDataSource>(), bus,
            Options.Create(new EsfOptions { RelayGraceSeconds = Grace, RelayMaxAttempts = MaxAttempts }), TimeProvider.System,
            NullLogger<UploadRelay>.Instance);

        // Act
        await probedRelay.SweepAsync(uploadId, CancellationToken.None);

        // Assert: published once, after the relay committed (a worker finishing the upload would not wait for the broker).
        using (Assert.EnterMultipleScope())
        {
            Assert.That(probe.Published, Is.EqualTo(new[] { (uploadId, false) }));
            Assert.That((await UploadRowAsync(uploadId)).PublishCount, Is.EqualTo(2), "the republication is recorded");
        }
    }

    private async Task<UploadResult> UploadAsync()
    {
        var driver = await PipelineDriver.StartAsync(gateway);
        return await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)), driver.Item(TestInvoices.Build(driver.Tenant)));
    }

    private static List<long> Ids(UploadResult upload) => [.. upload.Accepted.Select(a => a.InvoiceId!.Value)];

    private static async Task SetAsync(long uploadId, string assignments)
    {
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        await connection.ExecuteAsync($"UPDATE uploads SET {assignments} WHERE upload_id = @UploadId", new { UploadId = uploadId });
    }

    private static async Task<(int PublishCount, bool Finished)> UploadRowAsync(long uploadId)
    {
        await using var connection = new NpgsqlConnection(TestServices.RequirePostgres());
        return await connection.QuerySingleAsync<(int, bool)>(
            "SELECT publish_count, finished_at IS NOT NULL FROM uploads WHERE upload_id = @UploadId", new { UploadId = uploadId });
    }
}
