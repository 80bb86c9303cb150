using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Sandbox;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Esf.Infrastructure.Waybills;

/// <summary>
/// Applies the waybill effects that are due (ADR 0026). Each pass, per seller with pending effects: reads that seller's
/// world's clock (the one application clock, with the sandbox's offsets), claims the due effects with
/// <c>FOR UPDATE SKIP LOCKED</c> and applies each in that one transaction. The row lock is the lease: another runner skips
/// what this one holds, a runner that dies rolls back and leaves the effect pending for the next pass, and a committed
/// effect is marked applied with its annulments — so every effect runs exactly once, across runners and restarts. The passes
/// are <see cref="EnterprisePassRunner"/>'s; <see cref="EnterprisePassRunner.RunOnceAsync"/> answers how many effects a pass applied.
/// </summary>
public sealed class WaybillEffectRunner(NpgsqlDataSource database, TimeProvider clock, Warehouse.InvoiceGoods goods, ILogger<WaybillEffectRunner> logger)
    : EnterprisePassRunner(database, clock, logger)
{
    private const int MaxEffectsPerPass = 100;

    protected override string PendingTinsSql => "SELECT DISTINCT seller_tin FROM waybill_effects WHERE applied_at IS NULL";

    protected override string PassName => "Applying due waybill effects";

    /// <summary>One seller's due effects, on that seller's clock.</summary>
    protected override async Task<int> RunForAsync(string sellerTin, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
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
            Logger.LogInformation("Waybill {WaybillNumber}: {Annulled} invoices moved to {Status}", number, annulled, status);
        }

        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }
}
