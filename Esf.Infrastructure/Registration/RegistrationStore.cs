using Dapper;
using Esf.Domain.Invoices;
using Npgsql;
using NpgsqlTypes;

namespace Esf.Infrastructure.Registration;

/// <summary>The worker's SQL: take an upload's invoices, read the registry facts, and write the verdicts.</summary>
internal static class RegistrationStore
{
    public const string WorkerActor = "worker";

    /// <summary>IN_QUEUE → IN_PROCESSING for the upload's queued invoices, with history, in one transaction.</summary>
    public static async Task MarkInProcessingAsync(NpgsqlConnection connection, long uploadId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var taken = (await connection.QueryAsync<long>(new CommandDefinition("""
            UPDATE invoices SET status = 'IN_PROCESSING', last_update_date = @Now
            WHERE upload_id = @UploadId AND status = 'IN_QUEUE'
            RETURNING invoice_id
            """, new { UploadId = uploadId, Now = now }, cancellationToken: cancellationToken))).ToList();
        InvoiceLifecycle.EnsureCanMove(InvoiceStatus.InQueue, InvoiceStatus.InProcessing);
        await Persistence.StatusHistoryStore.AppendAsync(
            connection, taken, InvoiceStatus.InQueue, InvoiceStatus.InProcessing, WorkerActor, null, null, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<List<PendingInvoice>> LoadInProcessingAsync(NpgsqlConnection connection, long uploadId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<PendingInvoice>(new CommandDefinition("""
            SELECT invoice_id AS InvoiceId, body AS Body, signature AS Signature, certificate AS Certificate, signature_type AS SignatureType
            FROM invoices WHERE upload_id = @UploadId AND status = 'IN_PROCESSING' ORDER BY invoice_id
            """, new { UploadId = uploadId }, cancellationToken: cancellationToken))).ToList();

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
