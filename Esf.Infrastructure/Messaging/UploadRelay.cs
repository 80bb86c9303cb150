using Dapper;
using Esf.Infrastructure.Messaging.Contracts;
using Esf.Infrastructure.Registration;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Esf.Infrastructure.Persistence;
using Npgsql;

namespace Esf.Infrastructure.Messaging;

/// <summary>
/// Our outbox relay. It republishes uploads whose message never reached the broker (a crash between commit and publish) and
/// unfinished uploads whose message may be lost (an in-memory broker, a poison failure, a worker that died holding the claim).
/// A merely waiting upload is never failed: the relay cannot tell it from a lost one, so it republishes it with a growing
/// pause (grace × 2ⁿ, at most <see cref="MaxBackoff"/> × grace), and the worker ignores the duplicates. Only an upload that
/// workers claimed <see cref="EsfOptions.RelayMaxAttempts"/> times without reaching a verdict (they crash on it) has its
/// unfinished invoices failed with API-06.
/// </summary>
public sealed class UploadRelay(
    NpgsqlDataSource database, IBus bus, IOptions<EsfOptions> options, TimeProvider clock, ILogger<UploadRelay> logger)
    : BackgroundService
{
    /// <summary>The longest pause between republications of one upload, in graces (16 × 30 s = 8 minutes by default).</summary>
    public const int MaxBackoff = 16;

    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Relay sweep failed; retrying in {Period}", Period);
            }
        }
    }

    public Task SweepAsync(CancellationToken cancellationToken) => SweepAsync(null, cancellationToken);

    /// <param name="onlyUpload">Sweep only this upload (tests on a shared database); null: every due upload.</param>
    /// <param name="cancellationToken">Stops the sweep; what was decided is committed, a message not yet sent goes out next time.</param>
    internal async Task SweepAsync(long? onlyUpload, CancellationToken cancellationToken)
    {
        foreach (var upload in await DecideAsync(onlyUpload, cancellationToken))
        {
            logger.LogWarning("Republishing upload {UploadId} (publication {Publication}, claimed {Claims} times)",
                upload.UploadId, upload.PublishCount + 1, upload.ClaimCount);
            await bus.Publish(new ValidateUpload(upload.UploadId), cancellationToken);
        }
    }

    /// <summary>
    /// One transaction over the due uploads: fails the invoices of those workers keep crashing on, and records a publication of
    /// the others, which the caller then publishes with no row lock held (a slow broker must not hold uploads rows, which the
    /// workers lock to finish). A publish that fails after the commit is retried when the backoff has passed again.
    /// </summary>
    private async Task<List<DueUpload>> DecideAsync(long? onlyUpload, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = await UploadOutbox.DueForRelayAsync(connection, onlyUpload, TimeSpan.FromSeconds(options.Value.RelayGraceSeconds),
            options.Value.RelayMaxAttempts, (int)Math.Log2(MaxBackoff), cancellationToken);
        foreach (var crashed in due.Where(u => u.ClaimCount >= options.Value.RelayMaxAttempts))
        {
            if (crashed.Kind == UploadKinds.Waybill)
            {
                await UploadOutbox.FinishAsync(connection, crashed.UploadId, cancellationToken);
                var failed = await Waybills.WaybillStore.FailUnfinishedAsync(connection, crashed.UploadId, Unfinished(crashed.ClaimCount), clock.GetUtcNow(), cancellationToken);
                logger.LogError("Upload {UploadId}: giving up after {Claims} claims without a verdict; {Count} waybills failed with API-06",
                    crashed.UploadId, crashed.ClaimCount, failed);
            }
            else if (crashed.Kind == UploadKinds.WarehouseForm)
            {
                await UploadOutbox.FinishAsync(connection, crashed.UploadId, cancellationToken);
                var failed = await Warehouse.WarehouseFormProcessor.FailUnfinishedAsync(connection, crashed.UploadId, Unfinished(crashed.ClaimCount),
                    clock.GetUtcNow(), cancellationToken);
                logger.LogError("Upload {UploadId}: giving up after {Claims} claims without a verdict; {Count} forms failed with API-06",
                    crashed.UploadId, crashed.ClaimCount, failed);
            }
            else
            {
                await GiveUpAsync(connection, crashed.UploadId, crashed.ClaimCount, cancellationToken);
            }
        }

        var republish = due.Where(u => u.ClaimCount < options.Value.RelayMaxAttempts).ToList();
        if (republish.Count > 0)
        {
            await UploadOutbox.MarkPublishedAsync(connection, [.. republish.Select(u => u.UploadId)], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return republish;
    }

    private static string Unfinished(int claims) => $"обработка не завершена: {claims} попыток обработки прервались без результата";

    private async Task GiveUpAsync(NpgsqlConnection connection, long uploadId, int claims, CancellationToken cancellationToken)
    {
        var unfinished = (await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT invoice_id FROM invoices WHERE upload_id = @UploadId AND status IN {AwaitingVerdictSql.Statuses} ORDER BY invoice_id",
            new { UploadId = uploadId }, cancellationToken: cancellationToken))).ToList();
        // The uploads row is locked already (due for relay), so the invoices come second, as in the worker.
        await UploadOutbox.FinishAsync(connection, uploadId, cancellationToken);
        var owned = await VerdictWriter.LockUnfinishedAsync(connection, unfinished, cancellationToken);
        var verdicts = owned.Keys
            .Select(id => InvoiceVerdict.ProcessingFailed(id, Unfinished(claims)))
            .ToList();
        var written = await VerdictWriter.WriteAsync(connection, owned, verdicts, clock.GetUtcNow(), cancellationToken);
        logger.LogError("Upload {UploadId}: giving up after {Claims} claims without a verdict; {Count} invoices failed with API-06",
            uploadId, claims, written.Count);
        Telemetry.EsfMetrics.Judged(null, 0, written.Select(v => v.Violations), clock.GetUtcNow());
    }
}
