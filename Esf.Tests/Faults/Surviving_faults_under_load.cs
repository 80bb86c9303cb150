using Dapper;
using Esf.Tests.Infrastructure;
using Esf.Tests.Infrastructure.Processes;
using NUnit.Framework;

namespace Esf.Tests.Faults;

/// <summary>
/// §3 of the pipeline's promise: with a load running against a real gateway process and a real worker process, the worker
/// is killed (-9) and restarted, the gateway is killed mid-upload and restarted, RabbitMQ and PostgreSQL are restarted, a
/// message is delivered twice and a poison message is sent. Afterwards every accepted invoice is CREATED or FAILED exactly
/// once. The suite owns its PostgreSQL and RabbitMQ (under .esf/test/faults-*), so restarting them hurts no other test.
/// </summary>
[TestFixture]
[Category("Faults")]
[NonParallelizable]
public sealed class Surviving_faults_under_load
{
    [Test]
    public async Task Should_finish_every_accepted_invoice_exactly_once_through_kills_and_restarts()
    {
        await using var stack = await PrivateStack.StartAsync("faults");
        await using var gateway = await EsfProcess.StartAsync("faults-gateway", "gateway", stack.ConnectionString, stack.RabbitMqUri);
        await using var worker = await EsfProcess.StartAsync("faults-worker", "worker", stack.ConnectionString, stack.RabbitMqUri);
        var load = await InvoiceLoad.PrepareAsync(stack.Registry, FaultSettings.Invoices, FaultSettings.BatchSize, tenantCount: 4);
        var report = new RunReport("faults");
        report.Add($"load: {load.InvoiceCount} invoices in uploads of {FaultSettings.BatchSize}, 3 clients paced at "
            + $"{FaultSettings.InvoicesPerSecond} invoices/s, 1 gateway + 1 worker process");

        var running = load.RunAsync([gateway.BaseAddress], concurrency: 3, FaultSettings.InvoicesPerSecond);
        var faults = new FaultSchedule(load, report);
        await faults.AtAsync(0.10, FaultSettings.WorkerDownTime == TimeSpan.Zero
            ? "kill -9 the worker, start it again"
            : $"kill -9 the worker, start it again {FaultSettings.WorkerDownTime.TotalSeconds:0} s later", async () =>
        {
            await worker.KillAsync();
            await Task.Delay(FaultSettings.WorkerDownTime);
            await worker.StartAsync();
        });
        await faults.AtAsync(0.25, "kill -9 the gateway mid-upload, start it again", gateway.RestartAfterKillAsync);
        await faults.AtAsync(0.40, "restart PostgreSQL", stack.RestartPostgresAsync);
        await faults.AtAsync(0.50, "deliver three uploads' messages twice more", async () =>
        {
            await using var connection = await stack.DataSource.OpenConnectionAsync();
            var uploads = (await connection.QueryAsync<long>(
                "SELECT upload_id FROM uploads WHERE tin = ANY(@Tins) ORDER BY upload_id LIMIT 3", new { Tins = load.SellerTins.ToArray() })).ToList();
            await RawBrokerMessages.SendAsync(stack.RabbitMqUri, [.. uploads.SelectMany(id => new[] { RawBrokerMessages.ValidateUpload(id), RawBrokerMessages.ValidateUpload(id) })]);
        });
        await faults.AtAsync(0.55, "send a poison message", () => RawBrokerMessages.SendAsync(stack.RabbitMqUri, "{not json", RawBrokerMessages.ValidateUpload(-1)));
        await faults.AtAsync(0.65, "restart RabbitMQ", stack.RestartBrokerAsync);
        var outcome = await running;
        var settling = System.Diagnostics.Stopwatch.StartNew();
        var counts = await OutcomeCounts.SettledAsync(stack.DataSource, load.SellerTins, FaultSettings.SettleBound);
        report.Add($"settled {settling.Elapsed.TotalSeconds:0.0} s after the last upload (bound {FaultSettings.SettleBound.TotalSeconds:0} s)");
        report.Add($"clients: {outcome.Uploads} uploads, {outcome.AcceptedIds.Count} invoices accepted, {outcome.Retries} retried requests, "
            + $"{outcome.RepeatsDiffering} repeats with the same key answered differently, load took {outcome.Elapsed.TotalSeconds:0.0} s");
        report.Add($"retried after: {string.Join(", ", outcome.RetryReasons.Select(r => $"{r.Key} x{r.Value}"))}");
        report.Add($"database: {counts}");
        await report.SaveAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(faults.StruckAfterTheLoad, Is.Empty, "every fault struck while the load was still running");
            Assert.That(outcome.AcceptedIds, Has.Count.EqualTo(load.InvoiceCount), "every invoice sent was accepted once");
            Assert.That(outcome.AcceptedIds, Is.Unique, "no invoice id answered to two uploads");
            Assert.That(outcome.RepeatsDiffering, Is.Zero, "a repeat with the same Idempotency-Key gets the first answer");
            Assert.That(outcome.RetryReasons.Keys, Has.None.EqualTo("HTTP 500"), "a restart is a 503 (repeat), never an unexpected error");
            Assert.That(counts.Stored, Is.EqualTo(load.InvoiceCount), "retried uploads stored nothing twice");
            Assert.That(counts.Unfinished, Is.Zero, "nothing left IN_QUEUE/IN_PROCESSING");
            Assert.That(counts.NotFinishedOnce, Is.Zero, "each invoice has exactly one CREATED/FAILED history row");
            Assert.That(counts.DuplicateNumbers, Is.Zero, "registration numbers are unique");
            Assert.That(counts.HistoryGaps, Is.Zero, "every history is gap-free: each status change starts where the previous ended");
            Assert.That(counts.Created + counts.Failed, Is.EqualTo(load.InvoiceCount));
            Assert.That(counts.Failed, Is.Zero, "every invoice is valid: a fault must never fail one");
            Assert.That(gateway.IsRunning && worker.IsRunning, Is.True, "both processes survived the broker and database restarts");
        }
    }
}
