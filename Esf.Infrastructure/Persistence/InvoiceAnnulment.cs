using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Warehouse;
using Npgsql;

namespace Esf.Infrastructure.Persistence;

/// <summary>
/// Annuls invoices the caller has locked, by a system actor (the registry, a waybill's effect) rather than a party: through
/// the lifecycle table, one UPDATE and one history INSERT per former status, inside the caller's transaction. The history
/// rows are what the change feed and webhooks report, like any other status change. The goods an annulled invoice moved
/// through the virtual warehouse go back in the same transaction (<see cref="InvoiceGoods.AnnulAsync"/>): what the lines
/// still hold, the rest recorded as a shortfall, since nobody can refuse a system annulment (ADR 0033, amendment).
/// </summary>
internal static class InvoiceAnnulment
{
    public static async Task AnnulAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, InvoiceGoods goods, IReadOnlyList<(long Id, string Status)> locked,
        InvoiceStatus to, string actor, string reason, DateTimeOffset now, CancellationToken ct)
    {
        await goods.AnnulAsync(connection, transaction, [.. locked.Select(l => l.Id)], ct);
        foreach (var group in locked.GroupBy(l => InvoiceStatusNames.Parse(l.Status)))
        {
            InvoiceLifecycle.EnsureCanMove(group.Key, to);
            var ids = group.Select(l => l.Id).ToArray();
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE invoices SET status = @To, cancel_reason = @Reason, last_update_date = @Now WHERE invoice_id = ANY(@Ids)",
                new { To = to.ToWire(), Reason = reason, Ids = ids, Now = now }, cancellationToken: ct));
            await StatusHistoryStore.AppendAsync(connection, ids, group.Key, to, actor, null, reason, now, ct);
        }
    }
}
