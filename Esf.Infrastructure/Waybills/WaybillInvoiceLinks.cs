using Dapper;
using Esf.Domain.Rules.Registration.Snt;
using Esf.Infrastructure.Registration;
using Npgsql;

namespace Esf.Infrastructure.Waybills;

/// <summary>
/// Records which registered invoices were issued on which waybill (<c>waybill_invoices</c>, ADR 0024), in the verdict transaction.
/// Only invoices whose 32.1 is a waybill's 42-digit number are written: an ordinary invoice costs no statement.
/// </summary>
internal static class WaybillInvoiceLinks
{
    public static async Task InsertAsync(NpgsqlConnection connection, IReadOnlyList<InvoiceVerdict> registered, CancellationToken cancellationToken)
    {
        var links = registered.Select(v => (v.InvoiceId, Number: v.Document is { } d ? SntBasis.NumberOf(d.Body) : null))
            .Where(l => l.Number is not null).ToList();
        if (links.Count == 0)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO waybill_invoices (waybill_id, invoice_id)
            SELECT w.waybill_id, l.invoice_id FROM unnest(@Ids, @Numbers) AS l(invoice_id, number)
            JOIN waybills w ON w.registration_number = l.number
            ON CONFLICT DO NOTHING
            """, new { Ids = links.Select(l => l.InvoiceId).ToArray(), Numbers = links.Select(l => l.Number).ToArray() },
            cancellationToken: cancellationToken));
    }
}
