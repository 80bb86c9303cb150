using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Persistence;
using Npgsql;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// COR-05: a registered corrected invoice annuls its original (CREATED/DELIVERED → CANCELED, «Аннулирован»), with a history row,
/// inside the transaction that registers the corrected one. Conditional on the status, so a redelivery changes nothing.
/// </summary>
internal static class OriginalCanceller
{
    public static async Task CancelAsync(NpgsqlConnection connection, IReadOnlyList<InvoiceVerdict> registered, DateTimeOffset now, CancellationToken ct)
    {
        var originals = registered.Where(v => v.Cancels is not null).Select(v => v.Cancels!.InvoiceId).Distinct().ToArray();
        if (originals.Length == 0)
        {
            return;
        }

        var locked = (await connection.QueryAsync<(long Id, string Status)>(new CommandDefinition(
            "SELECT invoice_id, status FROM invoices WHERE invoice_id = ANY(@Ids) AND status IN ('CREATED', 'DELIVERED') ORDER BY invoice_id FOR UPDATE",
            new { Ids = originals }, cancellationToken: ct))).ToList();
        foreach (var group in locked.GroupBy(l => InvoiceStatusNames.Parse(l.Status)))
        {
            InvoiceLifecycle.EnsureCanMove(group.Key, InvoiceStatus.Canceled);
            var ids = group.Select(l => l.Id).ToArray();
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE invoices SET status = 'CANCELED', cancel_reason = 'CANCEL_PARENT_INVOICE', last_update_date = @Now WHERE invoice_id = ANY(@Ids)",
                new { Ids = ids, Now = now }, cancellationToken: ct));
            await StatusHistoryStore.AppendAsync(connection, ids, group.Key, InvoiceStatus.Canceled, RegistrationStore.WorkerActor, null,
                "Аннулирован: зарегистрирован исправленный ЭСФ", now, ct);
        }
    }
}
