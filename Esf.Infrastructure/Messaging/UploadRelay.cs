using Dapper;
using Esf.Domain.Invoices;
using Esf.Domain.Rules;
using Esf.Infrastructure.Messaging.Contracts;
using Esf.Infrastructure.Registration;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Esf.Infrastructure.Messaging;

/// <summary>
/// Our outbox relay. It republishes uploads whose message never reached the broker (a crash between commit and publish) and
/// uploads whose invoices stay unfinished (a message lost with an in-memory broker, or dead-lettered by a poison failure).
/// After <see cref="EsfOptions.RelayMaxAttempts"/> tries the unfinished invoices are failed with API-06, so nothing stays queued.
/// </summary>
public sealed class UploadRelay(
    NpgsqlDataSource database, IBus bus, IOptions<EsfOptions> options, TimeProvider clock, ILogger<UploadRelay> logger)
    : BackgroundService
{
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

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var grace = TimeSpan.FromSeconds(options.Value.RelayGraceSeconds);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stale = (await connection.QueryAsync<(long UploadId, int PublishCount)>(new CommandDefinition("""
            SELECT upload_id, publish_count FROM uploads
            WHERE upload_id IN (
                SELECT upload_id FROM uploads WHERE published_at IS NULL AND received_at < @Before
                UNION
                SELECT DISTINCT upload_id FROM invoices WHERE status IN ('IN_QUEUE', 'IN_PROCESSING') AND last_update_date < @Before)
              AND (published_at IS NULL OR published_at < @Before)
            ORDER BY upload_id LIMIT 100
            FOR UPDATE SKIP LOCKED
            """, new { Before = clock.GetUtcNow() - grace }, cancellationToken: cancellationToken))).ToList();

        foreach (var (uploadId, publishCount) in stale)
        {
            if (publishCount >= options.Value.RelayMaxAttempts)
            {
                await GiveUpAsync(connection, uploadId, cancellationToken);
                continue;
            }

            logger.LogWarning("Republishing upload {UploadId} (attempt {Attempt})", uploadId, publishCount + 1);
            await bus.Publish(new ValidateUpload(uploadId), cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE uploads SET published_at = now(), publish_count = publish_count + 1 WHERE upload_id = @UploadId",
                new { UploadId = uploadId }, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task GiveUpAsync(NpgsqlConnection connection, long uploadId, CancellationToken cancellationToken)
    {
        var unfinished = (await connection.QueryAsync<long>(new CommandDefinition("""
            UPDATE invoices SET status = 'IN_PROCESSING' WHERE upload_id = @UploadId AND status = 'IN_QUEUE' RETURNING invoice_id
            """, new { UploadId = uploadId }, cancellationToken: cancellationToken))).ToList();
        await Persistence.StatusHistoryStore.AppendAsync(connection, unfinished, InvoiceStatus.InQueue, InvoiceStatus.InProcessing,
            RegistrationStore.WorkerActor, null, "relay", clock.GetUtcNow(), cancellationToken);
        var pending = await RegistrationStore.LoadInProcessingAsync(connection, uploadId, cancellationToken);
        var verdicts = pending.Select(p => new InvoiceVerdict(p.InvoiceId, null, false,
            [RuleCatalogue.ProcessingMustComplete.Violation("invoiceBody", $"обработка не завершена после {options.Value.RelayMaxAttempts} попыток")]))
            .ToList();
        logger.LogError("Upload {UploadId}: giving up after {Attempts} attempts; {Count} invoices failed with API-06",
            uploadId, options.Value.RelayMaxAttempts, verdicts.Count);
        await VerdictWriter.WriteAsync(connection, verdicts, clock.GetUtcNow(), cancellationToken);
        await Telemetry.EsfMetrics.JudgedAsync(connection, uploadId, 0, verdicts.Select(v => v.Violations), clock.GetUtcNow(), cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE uploads SET published_at = now() WHERE upload_id = @UploadId", new { UploadId = uploadId }, cancellationToken: cancellationToken));
    }
}
