using Dapper;
using Esf.Domain.GovernmentSystems;
using Esf.Domain.Invoices;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Waybills;
using Npgsql;

namespace Esf.Infrastructure.GovernmentSystems;

/// <summary>
/// The SQL of ИС ГО requests. Lock order: the request row, then its invoices by id (as the document flow locks invoices).
/// A request is visible to its initiator and its counterparty only (<see cref="Visibility"/>, the tenant predicate of ADR 0003).
/// </summary>
internal static class IsgoRequestStore
{
    public const string Visibility = "(r.initiator_tin = @Tin OR r.counterparty_tin = @Tin)";

    public const string RequestColumns = """
        r.request_id, r.initiator_tin, r.counterparty_tin, r.state_body_code, r.subsidy_code, r.status, r.note, r.created_at,
        r.confirmed_at, r.last_update_date
        """;

    /// <summary>The invoices of request <c>@Id</c> (alias <c>m</c>) with their own status now.</summary>
    public const string Members = """
        SELECT m.invoice_id, i.registration_number, i.status AS invoice_status, m.previous_status, m.outcome
        FROM isgo_request_invoices m JOIN invoices i ON i.invoice_id = m.invoice_id WHERE m.request_id = @Id
        """;

    /// <summary>The invoices a participant selected, locked, as far as it may see them.</summary>
    public static async Task<IReadOnlyList<SelectedInvoice>> LockInvoicesAsync(
        NpgsqlConnection connection, string tin, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<SelectedInvoice>(new CommandDefinition($"""
            SELECT i.invoice_id, i.status, i.seller_tin, i.customer_tin FROM invoices i
            WHERE i.invoice_id = ANY(@Ids) AND {InvoiceVisibility.Predicate}
            ORDER BY i.invoice_id FOR UPDATE OF i
            """, new { Ids = ids.ToArray(), Tin = tin }, cancellationToken: cancellationToken))).AsList();

    public static Task<IsgoRequestRow?> LockRequestAsync(NpgsqlConnection connection, long requestId, string? tin, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<IsgoRequestRow>(new CommandDefinition($"""
            SELECT {RequestColumns} FROM isgo_requests r
            WHERE r.request_id = @Id AND (@Tin::text IS NULL OR {Visibility}) FOR UPDATE OF r
            """, new { Id = requestId, Tin = tin }, cancellationToken: cancellationToken));

    public static Task<long> InsertAsync(
        NpgsqlConnection connection, string initiator, string counterparty, IsgoInitiation initiation, IReadOnlyList<SelectedInvoice> invoices,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            WITH request AS (
                INSERT INTO isgo_requests (initiator_tin, counterparty_tin, state_body_code, subsidy_code, status, created_at, last_update_date)
                VALUES (@Initiator, @Counterparty, @StateBody, @Subsidy, @Status, @Now, @Now) RETURNING request_id),
            members AS (
                INSERT INTO isgo_request_invoices (request_id, invoice_id, previous_status, outcome)
                SELECT request.request_id, m.id, m.status, @Status FROM request, unnest(@Ids, @Statuses) AS m(id, status))
            SELECT request_id FROM request
            """, new
            {
                Initiator = initiator, Counterparty = counterparty, StateBody = initiation.StateBodyCode, Subsidy = initiation.SubsidyCode,
                Status = IsgoRequestStatus.SentForConfirmation.ToWire(), Now = now,
                Ids = invoices.Select(i => i.InvoiceId).ToArray(), Statuses = invoices.Select(i => i.Status).ToArray(),
            }, cancellationToken: cancellationToken));

    /// <summary>The invoices still moving with the request: those whose outcome is the request's status.</summary>
    public static async Task<IReadOnlyList<IsgoRequestInvoiceRow>> RidingInvoicesAsync(
        NpgsqlConnection connection, IsgoRequestRow request, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<IsgoRequestInvoiceRow>(new CommandDefinition($"""
            {Members} AND m.outcome = @Status ORDER BY m.invoice_id FOR UPDATE OF i, m
            """, new { Id = request.RequestId, request.Status }, cancellationToken: cancellationToken))).AsList();

    public static Task SetOutcomeAsync(
        NpgsqlConnection connection, long requestId, IReadOnlyList<long> invoiceIds, IsgoRequestStatus outcome, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE isgo_request_invoices SET outcome = @Outcome WHERE request_id = @Id AND invoice_id = ANY(@Ids)",
            new { Id = requestId, Ids = invoiceIds.ToArray(), Outcome = outcome.ToWire() }, cancellationToken: cancellationToken));

    /// <summary>Moves invoices to a status, each from its own, with their history rows (the change feed reads these).</summary>
    public static async Task MoveInvoicesAsync(
        NpgsqlConnection connection, IReadOnlyList<(long Id, InvoiceStatus From, InvoiceStatus To)> moves, string actor, string? tin, string reason,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var move in moves)
        {
            InvoiceLifecycle.EnsureCanMove(move.From, move.To);
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE invoices i SET status = m.to_status, last_update_date = @Now
            FROM unnest(@Ids, @To) AS m(id, to_status) WHERE i.invoice_id = m.id
            """, new { Ids = moves.Select(m => m.Id).ToArray(), To = moves.Select(m => m.To.ToWire()).ToArray(), Now = now },
            cancellationToken: cancellationToken));
        await StatusHistoryStore.AppendEachAsync(connection, moves.Select(m => m.Id).ToList(), moves.Select(m => (InvoiceStatus?)m.From).ToList(),
            moves.Select(m => m.To).ToList(), moves.Select(_ => (string?)reason).ToList(), actor, tin, now, cancellationToken);
    }

    public static Task SetStatusAsync(
        NpgsqlConnection connection, long requestId, IsgoRequestStatus? from, IsgoRequestStatus to, string actor, string? tin, string? note,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE isgo_requests SET status = @To, last_update_date = @Now, note = coalesce(@Note, note),
                   confirmed_at = CASE WHEN @To = 'AGREED_BY_COUNTERPARTY' THEN @Now ELSE confirmed_at END
            WHERE request_id = @Id;
            INSERT INTO isgo_request_history (request_id, from_status, to_status, actor, tin, note, changed_at)
            VALUES (@Id, @From, @To, @Actor, @Tin, @Note, @Now)
            """, new { Id = requestId, From = from?.ToWire(), To = to.ToWire(), Actor = actor, Tin = tin, Note = note, Now = now },
            cancellationToken: cancellationToken));

    /// <summary>
    /// The waybills (СНТ) the invoices were issued on follow them into the request: CONFIRMED → SEND_TO_ISGO («Заблокирован ИС
    /// ЭСФ»: no revoke, no corrected or return waybill), each with its history row. Locked after the invoices.
    /// </summary>
    public static Task BlockWaybillsAsync(
        NpgsqlConnection connection, IReadOnlyList<long> invoiceIds, string actor, string? tin, string reason, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        MoveWaybillsAsync(connection, invoiceIds, WaybillStatus.Confirmed, WaybillStatus.SendToIsgo, "", actor, tin, reason, now, cancellationToken);

    /// <summary>
    /// Gives the waybills of invoices that left a request their status back (always CONFIRMED: only a confirmed waybill goes
    /// to ИС ГО), unless another invoice issued on the same waybill is still blocked in a request. Runs after the invoices moved.
    /// </summary>
    public static Task ReleaseWaybillsAsync(
        NpgsqlConnection connection, IReadOnlyList<long> invoiceIds, string actor, string? tin, string reason, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        MoveWaybillsAsync(connection, invoiceIds, WaybillStatus.SendToIsgo, WaybillStatus.Confirmed,
            "AND NOT EXISTS (SELECT 1 FROM invoices o WHERE o.waybill_number = w.registration_number AND o.status = 'SEND_TO_ISGO')",
            actor, tin, reason, now, cancellationToken);

    /// <param name="condition">A further SQL condition on the waybill <c>w</c>.</param>
    private static async Task MoveWaybillsAsync(
        NpgsqlConnection connection, IReadOnlyList<long> invoiceIds, WaybillStatus from, WaybillStatus to, string condition, string actor,
        string? tin, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waybills = await connection.QueryAsync<long>(new CommandDefinition($"""
            SELECT w.waybill_id FROM waybills w
            WHERE w.registration_number IN (SELECT i.waybill_number FROM invoices i WHERE i.invoice_id = ANY(@Ids)) AND w.status = @From {condition}
            ORDER BY w.waybill_id FOR UPDATE
            """, new { Ids = invoiceIds.ToArray(), From = from.ToWire() }, cancellationToken: cancellationToken));
        foreach (var id in waybills)
        {
            await WaybillStore.MoveAsync(connection, id, from, to, actor, tin, reason, null, now, cancellationToken);
        }
    }
}
