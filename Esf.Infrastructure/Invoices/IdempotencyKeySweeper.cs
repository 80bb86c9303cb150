using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Esf.Infrastructure.Invoices;

/// <summary>
/// Deletes Idempotency-Keys older than <see cref="QuotaOptions.IdempotencyKeyRetentionHours"/> (security review L5): the
/// table stays bounded and a key may be used again after its retention. The uploader already ignores an expired key that
/// was not swept yet.
/// </summary>
public sealed class IdempotencyKeySweeper(
    NpgsqlDataSource database, IOptions<QuotaOptions> quotas, TimeProvider clock, ILogger<IdempotencyKeySweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(10);

    /// <returns>How many keys were deleted.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_keys WHERE created_at < @ExpiredBefore",
            new { ExpiredBefore = IdempotencyKeys.ExpiredBefore(clock, quotas.Value) }, cancellationToken: cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sweeping expired Idempotency-Keys failed; retrying later");
            }

            await Task.Delay(Period, clock, stoppingToken);
        }
    }
}
