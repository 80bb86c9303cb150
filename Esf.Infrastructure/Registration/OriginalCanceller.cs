using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Persistence;
using Npgsql;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// COR-05 and Rules p.26: a registered corrected invoice annuls its original and every additional invoice registered against
/// that original («аннулируются ЭСФ, к которым выписывается исправленный ЭСФ, и все дополнительные ЭСФ»): CREATED/DELIVERED →
/// CANCELED with reason CANCEL_PARENT_INVOICE and a history row, inside the transaction that registers the corrected one.
/// </summary>
internal static class OriginalCanceller
{
    private const string OriginalReason = "Аннулирован: зарегистрирован исправленный ЭСФ";
    private const string AdditionalReason = "Аннулирован: зарегистрирован исправленный ЭСФ к основному";

    public static async Task CancelAsync(NpgsqlConnection connection, IReadOnlyList<InvoiceVerdict> registered, DateTimeOffset now, CancellationToken ct)
    {
        var originals = registered.Where(v => v.Cancels is not null).Select(v => v.Cancels!.InvoiceId).Distinct().ToArray();
        if (originals.Length == 0)
        {
            return;
        }

        var annulled = (await connection.QueryAsync<(long Id, string Status, bool IsOriginal)>(new CommandDefinition("""
            SELECT invoice_id, status, invoice_id = ANY(@Ids) FROM invoices
            WHERE (invoice_id = ANY(@Ids) OR (related_invoice_id = ANY(@Ids) AND invoice_type = 'ADDITIONAL_INVOICE'))
              AND status IN ('CREATED', 'DELIVERED')
            ORDER BY invoice_id FOR UPDATE
            """, new { Ids = originals }, cancellationToken: ct))).ToList();
        // The originals were locked and found CREATED or DELIVERED earlier in this transaction (RegistryFacts): one missing here
        // would be a correction registered without annulling its original, so nothing is written.
        if (annulled.Count(a => a.IsOriginal) != originals.Length)
        {
            throw new InvalidOperationException("An original changed its status under this transaction's lock; the verdicts are rolled back.");
        }

        foreach (var group in annulled.GroupBy(a => (Status: InvoiceStatusNames.Parse(a.Status), a.IsOriginal)))
        {
            InvoiceLifecycle.EnsureCanMove(group.Key.Status, InvoiceStatus.Canceled);
            var ids = group.Select(a => a.Id).ToArray();
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE invoices SET status = 'CANCELED', cancel_reason = 'CANCEL_PARENT_INVOICE', last_update_date = @Now WHERE invoice_id = ANY(@Ids)",
                new { Ids = ids, Now = now }, cancellationToken: ct));
            await StatusHistoryStore.AppendAsync(connection, ids, group.Key.Status, InvoiceStatus.Canceled, RegistrationStore.WorkerActor, null,
                group.Key.IsOriginal ? OriginalReason : AdditionalReason, now, ct);
        }
    }
}
