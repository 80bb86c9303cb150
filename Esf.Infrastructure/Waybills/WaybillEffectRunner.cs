using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Sandbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Esf.Infrastructure.Waybills;

/// <summary>
/// Applies the waybill effects that are due (ADR 0026). Each pass, per seller with pending effects: reads that seller's
/// world's clock (the one application clock, with the sandbox's offsets), claims the due effects with
/// <c>FOR UPDATE SKIP LOCKED</c> and applies each in that one transaction. The row lock is the lease: another runner skips
/// what this one holds, a runner that dies rolls back and leaves the effect pending for the next pass, and a committed
/// effect is marked applied with its annulments — so every effect runs exactly once, across runners and restarts. A pass
/// comes every 30 seconds, and at once when the sandbox moves a clock (<see cref="SandboxClock.NextMove"/>).
/// </summary>
public sealed class WaybillEffectRunner(NpgsqlDataSource database, TimeProvider clock, Warehouse.InvoiceGoods goods, ILogger<WaybillEffectRunner> logger)
    : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(30);
    private const int MaxEffectsPerPass = 100;

    /// <returns>How many effects this pass applied.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<string> sellers;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            sellers = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT DISTINCT seller_tin FROM waybill_effects WHERE applied_at IS NULL", cancellationToken: cancellationToken))).ToList();
        }

        var applied = 0;
        foreach (var seller in sellers)
        {
            applied += await ApplyDueAsync(seller, cancellationToken);
        }

        return applied;
    }

    /// <summary>One seller's due effects, on that seller's clock; the scope ends with this method.</summary>
    private async Task<int> ApplyDueAsync(string sellerTin, CancellationToken cancellationToken)
    {
        EnterpriseScope.Begin(sellerTin);
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = (await connection.QueryAsync<(long Id, string Number, string Status)>(new CommandDefinition("""
            SELECT effect_id, waybill_number, invoice_status FROM waybill_effects
            WHERE seller_tin = @Seller AND applied_at IS NULL AND due_at <= @Now
            ORDER BY effect_id LIMIT @Limit FOR UPDATE SKIP LOCKED
            """, new { Seller = sellerTin, Now = now, Limit = MaxEffectsPerPass }, transaction, cancellationToken: cancellationToken))).ToList();
        foreach (var (id, number, status) in due)
        {
            var annulled = await WaybillEffectApplier.ApplyAsync(
                connection, transaction, goods, new WaybillEffect(id, number, InvoiceStatusNames.Parse(status)), now, cancellationToken);
            logger.LogInformation("Waybill {WaybillNumber}: {Annulled} invoices moved to {Status}", number, annulled, status);
        }

        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Applying due waybill effects failed; retrying on the next pass");
            }

            await NextPassAsync(stoppingToken);
        }
    }

    /// <summary>Waits for the next pass: the period, or less when the sandbox moves a world's clock (a due time may have been crossed).</summary>
    private async Task NextPassAsync(CancellationToken stoppingToken)
    {
        var period = Task.Delay(Period, clock, stoppingToken);
        if (clock is SandboxClock sandbox)
        {
            // WhenAny does not throw: a stop ends the loop through stoppingToken.
            await Task.WhenAny(period, sandbox.NextMove);
        }
        else
        {
            await period;
        }
    }
}
