using Esf.Domain.Invoices;
using Esf.Domain.Rules;
using Esf.Domain.Warehouse;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// The virtual warehouse's part of the dry run (POST /api/v1/invoices/validate, a draft's validation, an import): the sale the
/// worker would make (<see cref="InvoiceGoods.SellAsync"/>: VS-15, VS-02, VS-07 … VS-13, the balance VS-01, a return's VS-14)
/// is made in a transaction that is always rolled back, so the checks are exactly the worker's and nothing moves. It locks the
/// named goods lines for that moment, as a sale does, so the balance it judges is the committed one.
/// </summary>
public sealed class WarehouseDryRun(NpgsqlDataSource database, InvoiceGoods goods)
{
    /// <param name="relatedInvoiceId">The original of an additional invoice, whose buyer line a negative line returns from.</param>
    public async Task<IReadOnlyList<RuleViolation>> CheckAsync(
        InvoiceDocument document, IReadOnlyList<WarehouseLineRef> lines, long? relatedInvoiceId, CancellationToken ct)
    {
        if (lines.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            // A negative id no invoice has: the movements' causes cannot meet a real invoice's, nor another dry run's.
            return await goods.SellAsync(connection, transaction, -Random.Shared.NextInt64(1, long.MaxValue), document, lines,
                relatedInvoiceId is { } original ? new InvoiceGoods.Related(original, []) : null, ct);
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
    }
}
