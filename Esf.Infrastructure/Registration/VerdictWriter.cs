using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// Writes the verdicts of a batch inside the caller's transaction: registered invoices get their number and CREATED, the others FAILED
/// with every error. Only invoices still IN_PROCESSING are touched (locked first), so a redelivered message changes nothing
/// and no invoice is registered twice.
/// </summary>
internal static class VerdictWriter
{
    public static async Task WriteAsync(
        NpgsqlConnection connection, IReadOnlyList<InvoiceVerdict> verdicts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var owned = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT invoice_id FROM invoices WHERE invoice_id = ANY(@Ids) AND status = 'IN_PROCESSING' ORDER BY invoice_id FOR UPDATE",
            new { Ids = verdicts.Select(v => v.InvoiceId).ToArray() }, cancellationToken: cancellationToken))).ToHashSet();
        var mine = verdicts.Where(v => owned.Contains(v.InvoiceId)).ToList();
        var created = mine.Where(v => v.Passed).ToList();
        var failed = mine.Where(v => !v.Passed).ToList();

        await RegisterAsync(connection, created, now, cancellationToken);
        await OriginalCanceller.CancelAsync(connection, created, now, cancellationToken);
        await FailAsync(connection, failed, now, cancellationToken);
    }

    private static async Task RegisterAsync(NpgsqlConnection connection, List<InvoiceVerdict> created, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (created.Count == 0)
        {
            return;
        }

        InvoiceLifecycle.EnsureCanMove(InvoiceStatus.InProcessing, InvoiceStatus.Created);
        var counters = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT nextval('registration_number_seq') FROM generate_series(1, @Count)", new { created.Count },
            cancellationToken: cancellationToken))).ToArray();
        var day = DateOnly.FromDateTime(KazakhstanTime.Of(now).DateTime);
        var numbers = created.Select((v, i) => RegistrationNumber.Create(v.Document!.SellerTin!, day, counters[i])).ToArray();

        await using var command = new NpgsqlCommand("""
            UPDATE invoices i SET status = 'CREATED', registration_number = v.number, related_invoice_id = v.related, signature_valid = true,
                last_update_date = @Now
            FROM unnest(@Ids, @Numbers, @Related) AS v(id, number, related) WHERE i.invoice_id = v.id
            """, connection);
        var ids = created.Select(v => v.InvoiceId).ToArray();
        command.Parameters.Add(new NpgsqlParameter("Ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids });
        command.Parameters.Add(new NpgsqlParameter("Numbers", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = numbers });
        command.Parameters.Add(new NpgsqlParameter("Related", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
        {
            Value = created.Select(v => v.Related?.InvoiceId).ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter("Now", NpgsqlDbType.TimestampTz) { Value = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
        await StatusHistoryStore.AppendAsync(
            connection, ids, InvoiceStatus.InProcessing, InvoiceStatus.Created, RegistrationStore.WorkerActor, null, null, now, cancellationToken);
    }

    private static async Task FailAsync(NpgsqlConnection connection, List<InvoiceVerdict> failed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (failed.Count == 0)
        {
            return;
        }

        InvoiceLifecycle.EnsureCanMove(InvoiceStatus.InProcessing, InvoiceStatus.Failed);
        var ids = failed.Select(v => v.InvoiceId).ToArray();
        await using (var command = new NpgsqlCommand("""
            UPDATE invoices i SET status = 'FAILED', cancel_reason = v.reason, signature_valid = v.valid, last_update_date = @Now
            FROM unnest(@Ids, @Reasons, @Valid) AS v(id, reason, valid) WHERE i.invoice_id = v.id
            """, connection))
        {
            command.Parameters.Add(new NpgsqlParameter("Ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids });
            command.Parameters.Add(new NpgsqlParameter("Reasons", NpgsqlDbType.Array | NpgsqlDbType.Varchar)
            {
                Value = failed.Select(v => v.Violations[0].ErrorCode).ToArray(),
            });
            command.Parameters.Add(new NpgsqlParameter("Valid", NpgsqlDbType.Array | NpgsqlDbType.Boolean)
            {
                Value = failed.Select(v => v.SignatureValid).ToArray(),
            });
            command.Parameters.Add(new NpgsqlParameter("Now", NpgsqlDbType.TimestampTz) { Value = now });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await InvoiceErrorStore.InsertAsync(connection, failed, cancellationToken);
        await StatusHistoryStore.AppendAsync(
            connection, ids, InvoiceStatus.InProcessing, InvoiceStatus.Failed, RegistrationStore.WorkerActor, null,
            "Ошибки ФЛК: см. queryInvoiceErrorById", now, cancellationToken);
    }
}
