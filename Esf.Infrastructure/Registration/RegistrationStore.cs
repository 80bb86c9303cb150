using Dapper;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Warehouse;
using Npgsql;
using NpgsqlTypes;

namespace Esf.Infrastructure.Registration;

/// <summary>The worker's SQL: read an upload's unfinished invoices and the registry facts of the batch.</summary>
internal static class RegistrationStore
{
    public const string WorkerActor = "worker";

    /// <summary>The worker's read of one upload's invoices awaiting their verdict (parameter <c>@UploadId</c>).</summary>
    internal static readonly string UnfinishedOfUploadSql = $"""
        SELECT invoice_id, body, signature, certificate_id, signature_type, warehouse_lines::text
        FROM invoices WHERE upload_id = @UploadId AND status IN {AwaitingVerdictSql.Statuses} ORDER BY invoice_id
        """;

    /// <summary>
    /// The upload's invoices without a verdict, in id order, each with its certificate: read once per distinct certificate (the
    /// upload's one), not once per invoice (ADR 0048). IN_PROCESSING is only found on invoices an earlier version of the
    /// worker took before it stopped (this one claims the upload instead, see <see cref="Messaging.UploadOutbox.TryClaimAsync"/>).
    /// </summary>
    public static async Task<List<PendingInvoice>> LoadUnfinishedAsync(NpgsqlConnection connection, long uploadId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(UnfinishedOfUploadSql, connection);
        command.Parameters.AddWithValue("UploadId", uploadId);
        var rows = new List<(long InvoiceId, string Body, string Signature, long CertificateId, string SignatureType, string? WarehouseLines)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        var certificates = await Invoices.CertificateRows.LoadAsync(connection, rows.Select(r => r.CertificateId), cancellationToken);
        return [.. rows.Select(r => new PendingInvoice(r.InvoiceId, r.Body, r.Signature, certificates[r.CertificateId], r.SignatureType,
            r.WarehouseLines is null ? null : WarehouseLinesJson.Read(r.WarehouseLines) is { Count: > 0 } lines ? lines : null))];
    }

    public static async Task<HashSet<string>> KnownTaxpayersAsync(NpgsqlConnection connection, string[] tins, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT tin FROM taxpayers WHERE tin = ANY(@Tins) AND deregistered_on IS NULL", new { Tins = tins },
            cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);

    public static async Task<HashSet<(string, string, DateOnly)>> TakenNumbersAsync(
        NpgsqlConnection connection, IReadOnlyList<(string Seller, string Num, DateOnly Date)> keys, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT i.seller_tin, i.num, i.invoice_date
            FROM invoices i JOIN unnest(@Sellers, @Nums, @Dates) AS k(seller_tin, num, invoice_date)
              ON i.seller_tin = k.seller_tin AND i.num = k.num AND i.invoice_date = k.invoice_date
            WHERE i.registration_number IS NOT NULL
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("Sellers", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = keys.Select(k => k.Seller).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("Nums", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = keys.Select(k => k.Num).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("Dates", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = keys.Select(k => k.Date).ToArray() });
        var taken = new HashSet<(string, string, DateOnly)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            taken.Add((reader.GetString(0), reader.GetString(1), DateOnly.FromDateTime(reader.GetDateTime(2))));
        }

        return taken;
    }
}
