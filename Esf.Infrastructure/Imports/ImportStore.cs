using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Imports;

/// <summary>The SQL of import and transfer: the imported invoices an enterprise may transfer, and the transfer itself.</summary>
internal static class ImportStore
{
    private const string NotImportedCode = "INVOICE_NOT_IMPORTED";

    /// <summary>The bodies of those of <paramref name="ids"/> the session's enterprise imported or sells, by id; others are missing.</summary>
    public static async Task<Dictionary<long, (string Body, string Version)>> OwnBodiesAsync(
        NpgsqlConnection connection, SessionContext session, IReadOnlyList<long> ids, CancellationToken ct) =>
        (await connection.QueryAsync<(long InvoiceId, string Body, string Version)>(new CommandDefinition("""
            SELECT invoice_id, body, version FROM invoices i WHERE invoice_id = ANY(@Ids) AND (i.seller_tin = @Tin OR i.sender_tin = @Tin)
            """, new { Ids = ids.ToArray(), session.Tin }, cancellationToken: ct)))
        .ToDictionary(r => r.InvoiceId, r => (r.Body, r.Version));

    /// <summary>
    /// IMPORTED → IN_QUEUE for the accepted invoices, now signed and part of the transfer's upload, with their history. Only
    /// invoices still IMPORTED move (a conditional update): if one was transferred meanwhile, the whole transfer is refused and
    /// rolled back, so no invoice is queued twice.
    /// </summary>
    /// <returns>The ids, in the order of <paramref name="accepted"/>.</returns>
    public static async Task<long[]> QueueAsync(
        NpgsqlConnection connection, long uploadId, SessionContext session, string certificate,
        IReadOnlyList<(long InvoiceId, AcceptedInvoice Invoice)> accepted, DateTimeOffset now, CancellationToken ct)
    {
        InvoiceLifecycle.EnsureCanMove(InvoiceStatus.Imported, InvoiceStatus.InQueue);
        var ids = accepted.Select(a => a.InvoiceId).ToArray();
        var moved = (await connection.QueryAsync<long>(new CommandDefinition($"""
            WITH certificate AS MATERIALIZED (SELECT {CertificateRows.IdOf("@Certificate")} AS id)
            UPDATE invoices i SET status = 'IN_QUEUE', upload_id = @UploadId, signature = v.signature, signature_type = v.type,
                certificate_id = certificate.id, power_of_attorney_id = v.power, last_update_date = @Now
            FROM certificate, unnest(@Ids, @Signatures, @Types, @Powers) AS v(id, signature, type, power)
            WHERE i.invoice_id = v.id AND i.status = 'IMPORTED'
            RETURNING i.invoice_id
            """, new
        {
            UploadId = uploadId, Certificate = certificate, Now = now, Ids = ids,
            Signatures = accepted.Select(a => a.Invoice.Item.Signature).ToArray(),
            Types = accepted.Select(a => a.Invoice.Item.SignatureType).ToArray(),
            Powers = accepted.Select(a => a.Invoice.PowerOfAttorneyId).ToArray(),
        }, cancellationToken: ct))).ToHashSet();
        if (ids.FirstOrDefault(id => !moved.Contains(id)) is var stale and not 0)
        {
            throw EsfException.Conflict($"ЭСФ {stale} не является импортированным: передать можно только ЭСФ в статусе IMPORTED " +
                "(the invoice is not IMPORTED: it was transferred already or never imported).", NotImportedCode);
        }

        await StatusHistoryStore.AppendAsync(connection, ids, InvoiceStatus.Imported, InvoiceStatus.InQueue, session.Login, session.Tin, null, now, ct);
        return ids;
    }
}
