using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Esf.Infrastructure.Persistence;
using Npgsql;

namespace Esf.Infrastructure.Telemetry;

/// <summary>
/// Samples the number of unfinished invoices for the <c>esf.invoices.unfinished</c> gauge every few seconds (worker role).
/// The count uses the partial index on unfinished invoices, so it stays cheap however large the table grows.
/// </summary>
public sealed class QueueDepthSampler(NpgsqlDataSource database, ILogger<QueueDepthSampler> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(stoppingToken);
                var depth = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    $"SELECT count(*) FROM invoices WHERE status IN {AwaitingVerdictSql.Statuses}", cancellationToken: stoppingToken));
                Interlocked.Exchange(ref EsfMetrics.QueueDepth, depth);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug(e, "Queue depth sample failed; next try in {Period}", Period);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
