using Esf.Domain.Invoices;
using Esf.Domain.Rules.Registration.Snt;
using Esf.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// Writes the verdicts of a batch inside the caller's transaction: registered invoices get their number and CREATED, the others
/// FAILED with every error — one UPDATE and one history INSERT for the whole batch. Each keeps the waybill its section F names
/// (32.1) and the ЭГЗ act it names, so the invoices of a waybill or an act are found by that number. Only invoices still without a verdict
/// (IN_QUEUE, or IN_PROCESSING from an earlier version), locked first by <see cref="LockUnfinishedAsync"/>, are touched, so a
/// concurrent or redelivered message changes nothing and no invoice is registered twice.
/// </summary>
internal static class VerdictWriter
{
    private const string FailedReason = "Ошибки ФЛК: см. queryInvoiceErrorById";

    /// <returns>The verdicts written: those of <paramref name="owned"/> invoices (what the metrics count).</returns>
    public static async Task<IReadOnlyList<InvoiceVerdict>> WriteAsync(
        NpgsqlConnection connection, IReadOnlyDictionary<long, InvoiceStatus> owned, IReadOnlyList<InvoiceVerdict> verdicts, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var mine = verdicts.Where(v => owned.ContainsKey(v.InvoiceId)).ToList();
        if (mine.Count == 0)
        {
            return mine;
        }

        var created = mine.Where(v => v.Passed).ToList();
        var numbers = await NumbersAsync(connection, created, now, cancellationToken);
        var (update, history) = Commands(mine, owned, numbers, now);
        await using (update)
        {
            update.Connection = connection;
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await OriginalCanceller.CancelAsync(connection, created, now, cancellationToken);
        var failed = mine.Where(v => !v.Passed).ToList();
        if (failed.Count > 0)
        {
            await InvoiceErrorStore.InsertAsync(connection, failed, cancellationToken);
        }

        await using (history)
        {
            history.Connection = connection;
            await history.ExecuteNonQueryAsync(cancellationToken);
        }

        return mine;
    }

    /// <summary>
    /// The batch's UPDATE and history INSERT, built without I/O (measured apart in Esf.Tests/Performance); every move is checked
    /// against the lifecycle first. The caller sets the connection and runs them.
    /// </summary>
    internal static (NpgsqlCommand Update, NpgsqlCommand History) Commands(
        IReadOnlyList<InvoiceVerdict> mine, IReadOnlyDictionary<long, InvoiceStatus> owned, IReadOnlyDictionary<long, string> numbers, DateTimeOffset now)
    {
        var to = mine.Select(v => v.Passed ? InvoiceStatus.Created : InvoiceStatus.Failed).ToArray();
        var from = mine.Select(v => owned[v.InvoiceId]).ToArray();
        for (var i = 0; i < mine.Count; i++)
        {
            InvoiceLifecycle.EnsureCanMove(from[i], to[i]);
        }

        var ids = mine.Select(v => v.InvoiceId).ToArray();
        return (UpdateCommand(mine, ids, to, numbers, now), StatusHistoryStore.AppendEachCommand(ids, [.. from.Select(s => (InvoiceStatus?)s)], to,
            [.. mine.Select(v => v.Passed ? null : FailedReason)], RegistrationStore.WorkerActor, null, now));
    }

    /// <summary>The batch's one UPDATE, its columns as arrays (one parameter per column, not per invoice); the caller sets the connection.</summary>
    private static NpgsqlCommand UpdateCommand(
        IReadOnlyList<InvoiceVerdict> mine, long[] ids, InvoiceStatus[] to, IReadOnlyDictionary<long, string> numbers, DateTimeOffset now)
    {
        var command = new NpgsqlCommand("""
            UPDATE invoices i SET status = v.status, registration_number = v.number, related_invoice_id = v.related,
                signature_valid = v.valid, cancel_reason = v.reason, waybill_number = v.waybill,
                procurement_act_number = v.act, last_update_date = @Now
            FROM unnest(@Ids, @Statuses, @Numbers, @Related, @Valid, @Reasons, @Waybills, @Acts) AS v(id, status, number, related, valid, reason, waybill, act)
            WHERE i.invoice_id = v.id
            """);
        command.Parameters.Add(new NpgsqlParameter("Ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids });
        command.Parameters.Add(new NpgsqlParameter("Statuses", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = to.Select(s => s.ToWire()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("Numbers", NpgsqlDbType.Array | NpgsqlDbType.Varchar)
        {
            Value = mine.Select(v => numbers.GetValueOrDefault(v.InvoiceId)).ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter("Related", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
        {
            Value = mine.Select(v => v.Passed ? v.Related?.InvoiceId : null).ToArray(),
        });
        // A registered invoice's signature is valid by definition; a failed one keeps what the check found.
        command.Parameters.Add(new NpgsqlParameter("Valid", NpgsqlDbType.Array | NpgsqlDbType.Boolean)
        {
            Value = mine.Select(v => v.Passed || v.SignatureValid).ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter("Reasons", NpgsqlDbType.Array | NpgsqlDbType.Varchar)
        {
            Value = mine.Select(v => v.Passed ? null : v.Violations[0].ErrorCode).ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter("Waybills", NpgsqlDbType.Array | NpgsqlDbType.Varchar)
        {
            Value = mine.Select(v => v.Document is { } d ? SntBasis.NumberOf(d.Body) : null).ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter("Acts", NpgsqlDbType.Array | NpgsqlDbType.Varchar)
        {
            Value = mine.Select(v => v.Passed ? v.ActNumber : null).ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter("Now", NpgsqlDbType.TimestampTz) { Value = now });
        return command;
    }

    /// <summary>Locks those of <paramref name="invoiceIds"/> that still wait for a verdict, in id order (no deadlock between workers), with their status.</summary>
    public static async Task<Dictionary<long, InvoiceStatus>> LockUnfinishedAsync(
        NpgsqlConnection connection, IReadOnlyList<long> invoiceIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT invoice_id, status FROM invoices WHERE invoice_id = ANY(@Ids) AND status IN {AwaitingVerdictSql.Statuses}
            ORDER BY invoice_id FOR UPDATE
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("Ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = invoiceIds.ToArray() });
        var owned = new Dictionary<long, InvoiceStatus>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            owned[reader.GetInt64(0)] = InvoiceStatusNames.Parse(reader.GetString(1));
        }

        return owned;
    }

    /// <summary>The registration numbers of the invoices to register, taken only for invoices this transaction owns.</summary>
    private static async Task<Dictionary<long, string>> NumbersAsync(
        NpgsqlConnection connection, List<InvoiceVerdict> created, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var numbers = new Dictionary<long, string>();
        if (created.Count == 0)
        {
            return numbers;
        }

        // The key of the tails' permutation (ADR 0018) comes with the counters; it is the same on every row.
        await using var command = new NpgsqlCommand("""
            SELECT nextval('registration_number_seq'), k.key FROM generate_series(1, @Count) CROSS JOIN registration_number_key k
            """, connection);
        command.Parameters.AddWithValue("Count", created.Count);
        var day = DateOnly.FromDateTime(KazakhstanTime.Of(now).DateTime);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; await reader.ReadAsync(cancellationToken); i++)
        {
            numbers[created[i].InvoiceId] = RegistrationNumber.Create(created[i].Document!.SellerTin!, day, reader.GetInt64(0), (byte[])reader[1]);
        }

        return numbers;
    }
}
