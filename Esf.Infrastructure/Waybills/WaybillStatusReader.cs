using Dapper;
using Esf.Domain.Waybills;
using Esf.Infrastructure.GovernmentSystems;
using Npgsql;

namespace Esf.Infrastructure.Waybills;

/// <summary>
/// The status of the waybill each invoice was issued on (its 32.1, kept in <c>invoices.waybill_number</c>), for the ИС ГО
/// selection: an invoice on a waybill that is not confirmed cannot be sent.
/// </summary>
public sealed class WaybillStatusReader(NpgsqlDataSource database) : IWaybillStatusReader
{
    public async Task<IReadOnlyDictionary<long, WaybillStatus>> LinkedWaybillsAsync(
        IReadOnlyCollection<long> invoiceIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long InvoiceId, string Status)>(new CommandDefinition("""
            SELECT i.invoice_id, w.status
            FROM invoices i JOIN waybills w ON w.registration_number = i.waybill_number
            WHERE i.invoice_id = ANY(@Ids)
            """, new { Ids = invoiceIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.InvoiceId, r => WaybillStatusNames.Parse(r.Status));
    }
}
