using Esf.Domain.Employees;
using Dapper;
using Esf.Domain.Rules;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Waybills;

/// <summary>Reads the waybills visible to the session's enterprise (<see cref="WaybillVisibility"/>): one, its errors, its history, a search.</summary>
public sealed class WaybillQueries(NpgsqlDataSource database)
{
    public const int MaxPageSize = 500;

    private const string Visible = WaybillVisibility.Predicate;

    private const string Columns = """
        w.waybill_id AS WaybillId, w.registration_number AS RegistrationNumber, w.status AS Status, w.num AS Num, w.date_text AS DateText,
        w.waybill_type AS WaybillType, w.related_waybill_id AS RelatedWaybillId,
        (SELECT r.registration_number FROM waybills r WHERE r.waybill_id = w.related_waybill_id) AS RelatedRegistrationNumber,
        w.seller_tin AS SellerTin, w.customer_tin AS CustomerTin, w.body AS Body, w.cancel_reason AS CancelReason,
        w.declined_on AS DeclinedOn, w.input_date AS InputDate, w.last_update_date AS LastUpdateDate
        """;

    /// <summary>The waybill, or null when the session's enterprise may not see it (exactly as when it does not exist).</summary>
    public async Task<WaybillRecord?> FindAsync(SessionContext session, long id, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WaybillRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM waybills w WHERE w.waybill_id = @Id AND {Visible}", new { Id = id, session.Tin }, cancellationToken: cancellationToken));
    }

    /// <summary>Every error the control found for a visible waybill, in order (none for one that passed).</summary>
    /// <summary>
    /// The registered waybill with this number as the invoice rules read it (its invoices, and the waybill it corrects or
    /// returns), through a view of the waybills the session's enterprise sells or buys on; null when it has none with this number.
    /// </summary>
    public async Task<(RegisteredWaybill Waybill, IWaybillView View)?> FindRegisteredAsync(
        SessionContext session, string registrationNumber, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var view = await WaybillRegistryView.LoadAsync(connection, [registrationNumber], [session.Tin], [], lockRows: false, cancellationToken);
        return view.Find(registrationNumber) is { } waybill ? (waybill, view) : null;
    }

    public async Task<IReadOnlyList<RuleViolation>> GetErrorsAsync(SessionContext session, long id, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<RuleViolation>(new CommandDefinition($"""
            SELECT e.rule_id AS RuleId, e.error_code AS ErrorCode, e.property AS Property, e.text AS Message
            FROM waybill_errors e JOIN waybills w ON w.waybill_id = e.waybill_id
            WHERE e.waybill_id = @Id AND {Visible} ORDER BY e.position
            """, new { Id = id, session.Tin }, cancellationToken: cancellationToken))];
    }

    /// <summary>Every status change of a visible waybill, oldest first.</summary>
    public async Task<IReadOnlyList<WaybillHistoryRecord>> GetHistoryAsync(SessionContext session, long id, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long WaybillId, string? FromStatus, string ToStatus, DateTime ChangedAt, string Actor, string? Tin, string? Reason)>(
            new CommandDefinition($"""
                SELECT h.waybill_id, h.from_status, h.to_status, h.changed_at, h.actor, h.tin, h.reason
                FROM waybill_status_history h JOIN waybills w ON w.waybill_id = h.waybill_id
                WHERE h.waybill_id = @Id AND {Visible} ORDER BY h.id
                """, new { Id = id, session.Tin }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new WaybillHistoryRecord(
            r.WaybillId, r.FromStatus, r.ToStatus, new DateTimeOffset(DateTime.SpecifyKind(r.ChangedAt, DateTimeKind.Utc)), r.Actor, r.Tin, r.Reason))];
    }

    /// <summary>
    /// One page of the search as REST and SOAP answer it: at most <see cref="WaybillSearch.Limit"/> (1 to <see cref="MaxPageSize"/>)
    /// waybills, and the <c>afterId</c> of the next page when more match. An unknown status is refused.
    /// </summary>
    public async Task<(IReadOnlyList<WaybillRecord> Page, long? Next)> SearchPageAsync(
        SessionContext session, WaybillSearch search, CancellationToken cancellationToken)
    {
        search.CheckStatus();
        var take = Math.Clamp(search.Limit, 1, MaxPageSize);
        var found = await SearchAsync(session, search with { Limit = take + 1 }, cancellationToken);
        var page = found.Take(take).ToList();
        return (page, found.Count > take ? page[^1].WaybillId : null);
    }

    /// <summary>The visible waybills that match, by id after <see cref="WaybillSearch.AfterId"/>, at most <see cref="WaybillSearch.Limit"/>.</summary>
    public async Task<IReadOnlyList<WaybillRecord>> SearchAsync(SessionContext session, WaybillSearch search, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var side = search.Side switch
        {
            WaybillSide.Outbound => "(w.seller_tin = @Tin OR w.sender_tin = @Tin)",
            WaybillSide.Inbound => "w.customer_tin = @Tin",
            _ => "true",
        };
        return [.. await connection.QueryAsync<WaybillRecord>(new CommandDefinition($"""
            SELECT {Columns} FROM waybills w
            WHERE {Visible} AND {side} AND w.waybill_id > @AfterId
              AND (@Status::text IS NULL OR w.status = @Status)
              AND (@From::date IS NULL OR w.waybill_date >= @From) AND (@To::date IS NULL OR w.waybill_date <= @To)
            ORDER BY w.waybill_id LIMIT @Limit
            """, new
        {
            session.Tin, search.AfterId, search.Status, Limit = Math.Clamp(search.Limit, 1, MaxPageSize),
            search.From, search.To,
        }, cancellationToken: cancellationToken))];
    }
}

/// <summary>Which side of its waybills an enterprise searches: those it sends (seller or sender) or those it receives (buyer).</summary>
public enum WaybillSide
{
    Any,
    Outbound,
    Inbound,
}

/// <summary>A waybill search: side, status (wire name), date range of the waybill, and a keyset page by id.</summary>
public sealed record WaybillSearch(WaybillSide Side, string? Status, DateOnly? From, DateOnly? To, long AfterId, int Limit)
{
    /// <summary>
    /// Refuses (400) a status that is no waybill status, which would otherwise match nothing. The search and the export both call
    /// it; the export before its headers are out, as the invoice export refuses an unknown invoice status.
    /// </summary>
    public void CheckStatus()
    {
        if (Status is not null && !WaybillStatusNames.TryParse(Status, out _))
        {
            throw Errors.EsfException.InvalidInput($"status «{Status}» is not a waybill status.");
        }
    }
}
