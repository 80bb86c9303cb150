using Dapper;
using Esf.Domain.Rules;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Warehouse;
using Npgsql;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// The virtual warehouse's part of a batch's verdicts, in the verdicts' transaction (so a registration and its movements commit
/// together, exactly once: a redelivered message finds the invoices decided). For each invoice the control registers: a
/// corrected invoice first returns the goods of the original and its additional invoices it annuls; an invoice naming warehouse
/// lines is checked against them and moves them. Any violation turns that verdict into a failure and moves nothing for it.
/// A batch of plain invoices costs no query.
/// <para>
/// Sales (the common case) move set-based, in a fixed number of round trips per batch (<see cref="InvoiceGoods.SellAllAsync"/>):
/// every line they write locked in id order, the sales that fit decided in upload order. Corrections and additional invoices
/// returning goods (rare) move one by one under a savepoint each, as their undo and return paths need. First of all every line
/// of the whole batch is locked up front in one statement (<see cref="GoodsLineLocks"/>), so no path takes a lock out of order.
/// </para>
/// </summary>
internal static class VerdictGoods
{
    private const string Savepoint = "invoice_goods";

    public static async Task<List<InvoiceVerdict>> MoveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, InvoiceGoods goods,
        List<InvoiceVerdict> verdicts, IReadOnlyDictionary<long, IReadOnlyList<WarehouseLineRef>> lines, CancellationToken cancellationToken)
    {
        if (lines.Count == 0 && !verdicts.Exists(v => v.Passed && v.Cancels is not null))
        {
            return verdicts;
        }

        // One pass sorts the passed invoices: sales (the common case, set-based) and the rest moved one by one.
        var sales = new List<InvoiceSale>();
        var oneByOne = new List<InvoiceVerdict>();
        foreach (var verdict in verdicts)
        {
            var named = verdict.Passed ? lines.GetValueOrDefault(verdict.InvoiceId) : null;
            if (verdict.Passed && (verdict.Cancels is not null || (named is not null && !InvoiceGoods.OnlySells(verdict.Document!, named))))
            {
                oneByOne.Add(verdict);
            }
            else if (named is not null)
            {
                sales.Add(new InvoiceSale(verdict.InvoiceId, verdict.Document!, named));
            }
        }

        if (oneByOne.Count > 0)
        {
            // Every goods line any invoice of the batch will write, locked in one statement in id order before any is written
            // (GoodsLineLocks): the one-by-one paths and the set-based sales after them then only take locks they hold.
            await GoodsLineLocks.LockAsync(connection, transaction,
                verdicts.Where(v => v.Passed && lines.ContainsKey(v.InvoiceId)).SelectMany(v => GoodsLineLocks.Claims(v.Document!, lines[v.InvoiceId])),
                oneByOne.Select(v => v.Related?.InvoiceId).OfType<long>(), cancellationToken);
        }

        var decided = oneByOne.Count == 0
            ? []
            : await MoveOneByOneAsync(connection, transaction, goods, oneByOne, lines, cancellationToken);
        var oversold = await goods.SellAllAsync(connection, transaction, sales, cancellationToken);
        // The batch's own list when nothing failed here (the common case): no copy of it.
        return decided.Count == 0 && oversold.Count == 0
            ? verdicts
            : [.. verdicts.Select(v => decided.GetValueOrDefault(v.InvoiceId)
                ?? (oversold.TryGetValue(v.InvoiceId, out var violations) ? Failed(v, violations) : v))];
    }

    private static InvoiceVerdict Failed(InvoiceVerdict verdict, IReadOnlyList<RuleViolation> violations) =>
        verdict with { Violations = violations, Cancels = null, Related = null };

    /// <summary>Corrections and returns, each under a savepoint that a violation rolls back to; answers their verdicts.</summary>
    private static async Task<Dictionary<long, InvoiceVerdict>> MoveOneByOneAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        InvoiceGoods goods, List<InvoiceVerdict> verdicts, IReadOnlyDictionary<long, IReadOnlyList<WarehouseLineRef>> lines,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, InvoiceVerdict>();
        // Per original, the invoices of this batch that moved before (their returns count against its cap, VS-14).
        var moved = new Dictionary<long, List<long>>();
        foreach (var verdict in verdicts)
        {
            await transaction.SaveAsync(Savepoint, cancellationToken);
            var related = verdict.Related is { } original
                ? new InvoiceGoods.Related(original.InvoiceId, moved.TryGetValue(original.InvoiceId, out var earlier) ? earlier : [])
                : null;
            var violations = await MoveOneAsync(connection, transaction, goods, verdict, lines.GetValueOrDefault(verdict.InvoiceId), related,
                cancellationToken);
            if (violations.Count == 0)
            {
                await transaction.ReleaseAsync(Savepoint, cancellationToken);
                result[verdict.InvoiceId] = verdict;
                if (related is not null)
                {
                    moved[related.InvoiceId] = [.. related.EarlierReturns, verdict.InvoiceId];
                }
            }
            else
            {
                await transaction.RollbackAsync(Savepoint, cancellationToken);
                result[verdict.InvoiceId] = Failed(verdict, violations);
            }
        }

        return result;
    }

    private static async Task<IReadOnlyList<RuleViolation>> MoveOneAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        InvoiceGoods goods, InvoiceVerdict verdict, IReadOnlyList<WarehouseLineRef>? named, InvoiceGoods.Related? related,
        CancellationToken cancellationToken)
    {
        if (verdict.Cancels is { } original)
        {
            // What the registration of the corrected invoice annuls (OriginalCanceller): the original and its additional invoices.
            var annulled = await connection.QueryAsync<long>(new CommandDefinition($"""
                SELECT DISTINCT i.invoice_id FROM invoices i CROSS JOIN {InvoiceGoods.MovementsOf("i.invoice_id", "1")}
                WHERE i.invoice_id = @Id OR (i.related_invoice_id = @Id AND i.invoice_type = 'ADDITIONAL_INVOICE' AND i.status IN ('CREATED', 'DELIVERED'))
                ORDER BY i.invoice_id
                """, new { Id = original.InvoiceId }, transaction, cancellationToken: cancellationToken));
            foreach (var id in annulled)
            {
                if (await goods.UndoAsync(connection, transaction, id, cancellationToken) is { } violation)
                {
                    return [violation];
                }
            }
        }

        return named is null
            ? []
            : await goods.SellAsync(connection, transaction, verdict.InvoiceId, verdict.Document!, named, related, cancellationToken);
    }
}
