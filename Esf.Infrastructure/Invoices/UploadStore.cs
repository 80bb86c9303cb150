using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;
using Npgsql;
using NpgsqlTypes;

namespace Esf.Infrastructure.Invoices;

/// <summary>Writes an upload's accepted invoices (IN_QUEUE, or IMPORTED by an import) with binary COPY, inside the caller's transaction.</summary>
internal static class UploadStore
{
    public static async Task<long[]> InsertInvoicesAsync(
        NpgsqlConnection connection, long uploadId, SessionContext session, string certificate,
        IReadOnlyList<AcceptedInvoice> invoices, InvoiceStatus status, CancellationToken cancellationToken)
    {
        if (invoices.Count == 0)
        {
            return [];
        }

        // The invoices' ids and the certificate's row (written first when new, ADR 0048) in one round trip.
        var rows = (await connection.QueryAsync<(long CertificateId, long InvoiceId)>(new CommandDefinition($"""
            WITH certificate AS MATERIALIZED (SELECT {CertificateRows.IdOf("@Certificate")} AS id)
            SELECT certificate.id, nextval('invoice_id_seq') FROM certificate, generate_series(1, @Count)
            """, new { invoices.Count, Certificate = certificate }, cancellationToken: cancellationToken))).ToList();
        var ids = rows.Select(r => r.InvoiceId).ToArray();
        var certificateId = rows[0].CertificateId;
        var now = DateTimeOffset.UtcNow;
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY invoices (invoice_id, upload_id, status, num, invoice_date, date_text, turnover_date, invoice_type, seller_tin, customer_tin,
                           sender_tin, sender_login, body, signature, signature_type, certificate_id, version, hash, input_date, last_update_date,
                           power_of_attorney_id, warehouse_lines)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            for (var i = 0; i < invoices.Count; i++)
            {
                // One await per row: the columns go into Npgsql's write buffer synchronously (it flushes when full), which costs
                // far less CPU than 20 awaited WriteAsync calls per row (measured with Esf.Tests/Performance).
                await copy.StartRowAsync(cancellationToken);
                WriteRow(copy, ids[i], uploadId, status, invoices[i], session, certificateId, now);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await StatusHistoryStore.AppendAsync(
            connection, ids, from: null, status, actor: session.Login, tin: session.Tin, reason: null, now, cancellationToken);
        return ids;
    }

    /// <summary>The upload log's record of what was declined and why: one row per violation of each declined invoice.</summary>
    public static async Task InsertDeclinesAsync(
        NpgsqlConnection connection, long uploadId, IReadOnlyList<UploadItemResult> declined, CancellationToken cancellationToken)
    {
        var rows = declined.SelectMany(item => item.Errors.Select((error, position) => (item, error, position))).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO upload_declines (upload_id, item_index, position, num, date_text, rule_id, error_code, property, text)
            SELECT @UploadId, * FROM unnest(@Indexes, @Positions, @Nums, @Dates, @RuleIds, @ErrorCodes, @Properties, @Texts)
            """, new
        {
            UploadId = uploadId,
            Indexes = rows.Select(r => r.item.Index).ToArray(),
            Positions = rows.Select(r => r.position).ToArray(),
            Nums = rows.Select(r => r.item.Num).ToArray(),
            Dates = rows.Select(r => r.item.Date).ToArray(),
            RuleIds = rows.Select(r => r.error.RuleId).ToArray(),
            ErrorCodes = rows.Select(r => r.error.ErrorCode).ToArray(),
            Properties = rows.Select(r => r.error.Property).ToArray(),
            Texts = rows.Select(r => r.error.Message).ToArray(),
        }, cancellationToken: cancellationToken));
    }

    private static void WriteRow(
        NpgsqlBinaryImporter copy, long id, long uploadId, InvoiceStatus status, AcceptedInvoice invoice, SessionContext session, long certificateId, DateTimeOffset now)
    {
        var (_, item, document, _) = invoice;
        copy.Write(id, NpgsqlDbType.Bigint);
        copy.Write(uploadId, NpgsqlDbType.Bigint);
        copy.Write(status.ToWire(), NpgsqlDbType.Varchar);
        copy.Write(document.Num, NpgsqlDbType.Varchar);
        copy.Write(document.Date!.Value, NpgsqlDbType.Date);
        copy.Write(document.DateText, NpgsqlDbType.Varchar);
        WriteNullable(copy, document.TurnoverDate, NpgsqlDbType.Date);
        copy.Write(InvoiceTypeNames.ToWire(document.InvoiceType), NpgsqlDbType.Varchar);
        copy.Write(document.SellerTin!, NpgsqlDbType.Varchar);
        WriteNullable(copy, document.CustomerTin, NpgsqlDbType.Varchar);
        copy.Write(session.Tin, NpgsqlDbType.Varchar);
        copy.Write(session.Login, NpgsqlDbType.Varchar);
        // The body's UTF-8 bytes as they arrived: a text column's binary format is exactly those bytes, no string between.
        copy.Write(item.Body.Bytes, NpgsqlDbType.Text);
        copy.Write(item.Signature, NpgsqlDbType.Varchar);
        copy.Write(item.SignatureType, NpgsqlDbType.Varchar);
        copy.Write(certificateId, NpgsqlDbType.Bigint);
        copy.Write(item.Version, NpgsqlDbType.Varchar);
        copy.Write(Sha256Hex.Of(item.Body.Bytes.Span), NpgsqlDbType.Varchar);
        copy.Write(now, NpgsqlDbType.TimestampTz);
        copy.Write(now, NpgsqlDbType.TimestampTz);
        WriteNullable(copy, invoice.PowerOfAttorneyId, NpgsqlDbType.Bigint);
        WriteNullable(copy, Warehouse.WarehouseLinesJson.Write(item.WarehouseLines), NpgsqlDbType.Jsonb);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, type);
        }
    }
}
