using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;
using Npgsql;
using NpgsqlTypes;

namespace Esf.Infrastructure.Persistence;

/// <summary>Writes an upload and its accepted invoices (IN_QUEUE) with binary COPY, inside the caller's transaction.</summary>
internal static class UploadStore
{
    public static Task<long> InsertAsync(
        NpgsqlConnection connection, SessionContext session, string channel, int itemCount, int acceptedCount, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO uploads (session_id, tin, login, channel, item_count, accepted_count, published_at)
            VALUES (@SessionId, @Tin, @Login, @Channel, @ItemCount, @AcceptedCount, CASE WHEN @AcceptedCount = 0 THEN now() END)
            RETURNING upload_id
            """, new { session.SessionId, session.Tin, session.Login, Channel = channel, ItemCount = itemCount, AcceptedCount = acceptedCount },
            cancellationToken: cancellationToken));

    public static async Task<long[]> InsertInvoicesAsync(
        NpgsqlConnection connection, long uploadId, SessionContext session, string certificate,
        IReadOnlyList<AcceptedInvoice> invoices, CancellationToken cancellationToken)
    {
        if (invoices.Count == 0)
        {
            return [];
        }

        var ids = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT nextval('invoice_id_seq') FROM generate_series(1, @Count)", new { invoices.Count }, cancellationToken: cancellationToken))).ToArray();
        var now = DateTimeOffset.UtcNow;
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY invoices (invoice_id, upload_id, status, num, invoice_date, date_text, turnover_date, invoice_type, seller_tin, customer_tin,
                           sender_tin, sender_login, body, signature, signature_type, certificate, version, hash, input_date, last_update_date)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            for (var i = 0; i < invoices.Count; i++)
            {
                var (_, item, document) = invoices[i];
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(ids[i], NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(uploadId, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(InvoiceStatus.InQueue.ToWire(), NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(document.Num, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(document.Date!.Value, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(document.DateText, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(copy, document.TurnoverDate, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(InvoiceTypeNames.ToWire(document.InvoiceType), NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(document.SellerTin!, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(copy, document.CustomerTin, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(session.Tin, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(session.Login, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(item.Body, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(item.Signature, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(item.SignatureType, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(certificate, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(item.Version, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(InvoiceSignatureVerifier.Hash(item.Body), NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await StatusHistoryStore.AppendAsync(
            connection, ids, from: null, InvoiceStatus.InQueue, actor: session.Login, tin: session.Tin, reason: null, now, cancellationToken);
        return ids;
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);
}
