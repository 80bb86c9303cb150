using Esf.Domain.Invoices;
using Npgsql;
using NpgsqlTypes;

namespace Esf.Infrastructure.Persistence;

/// <summary>Appends one history row per invoice for a status change, inside the caller's transaction.</summary>
internal static class StatusHistoryStore
{
    public static async Task AppendAsync(
        NpgsqlConnection connection, IReadOnlyList<long> invoiceIds, InvoiceStatus? from, InvoiceStatus to, string actor, string? tin,
        string? reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (invoiceIds.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand("""
            INSERT INTO invoice_status_history (invoice_id, from_status, to_status, actor, tin, reason, changed_at)
            SELECT id, @From, @To, @Actor, @Tin, @Reason, @At FROM unnest(@Ids) AS id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("Ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = invoiceIds.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("From", NpgsqlDbType.Varchar) { Value = (object?)from?.ToWire() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("To", NpgsqlDbType.Varchar) { Value = to.ToWire() });
        command.Parameters.Add(new NpgsqlParameter("Actor", NpgsqlDbType.Varchar) { Value = actor });
        command.Parameters.Add(new NpgsqlParameter("Tin", NpgsqlDbType.Varchar) { Value = (object?)tin ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("Reason", NpgsqlDbType.Text) { Value = (object?)reason ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("At", NpgsqlDbType.TimestampTz) { Value = at });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One row per invoice with its own from, to and reason (a batch of verdicts), in one INSERT.</summary>
    public static async Task AppendEachAsync(
        NpgsqlConnection connection, IReadOnlyList<long> invoiceIds, IReadOnlyList<InvoiceStatus?> from, IReadOnlyList<InvoiceStatus> to,
        IReadOnlyList<string?> reasons, string actor, string? tin, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (invoiceIds.Count == 0)
        {
            return;
        }

        await using var command = AppendEachCommand(invoiceIds, from, to, reasons, actor, tin, at);
        command.Connection = connection;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The INSERT of <see cref="AppendEachAsync"/>, its columns as arrays; the caller sets the connection.</summary>
    internal static NpgsqlCommand AppendEachCommand(
        IReadOnlyList<long> invoiceIds, IReadOnlyList<InvoiceStatus?> from, IReadOnlyList<InvoiceStatus> to,
        IReadOnlyList<string?> reasons, string actor, string? tin, DateTimeOffset at)
    {
        var command = new NpgsqlCommand("""
            INSERT INTO invoice_status_history (invoice_id, from_status, to_status, actor, tin, reason, changed_at)
            SELECT id, from_status, to_status, @Actor, @Tin, reason, @At FROM unnest(@Ids, @From, @To, @Reasons) AS r(id, from_status, to_status, reason)
            """);
        command.Parameters.Add(new NpgsqlParameter("Ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = invoiceIds.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("From", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = from.Select(s => s?.ToWire()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("To", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = to.Select(s => s.ToWire()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("Reasons", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = reasons.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("Actor", NpgsqlDbType.Varchar) { Value = actor });
        command.Parameters.Add(new NpgsqlParameter("Tin", NpgsqlDbType.Varchar) { Value = (object?)tin ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("At", NpgsqlDbType.TimestampTz) { Value = at });
        return command;
    }
}
