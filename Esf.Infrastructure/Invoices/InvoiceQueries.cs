using Esf.Domain.Employees;
using Dapper;
using Esf.Domain.Invoices;
using Esf.Domain.Rules;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Invoices;

/// <summary>Reads invoices visible to the session's enterprise: as seller, customer or the enterprise that sent them.</summary>
public sealed class InvoiceQueries(NpgsqlDataSource database)
{
    private const string Visible = InvoiceVisibility.Predicate;

    /// <summary>queryInvoiceById: the invoices among <paramref name="ids"/> the session may see, in the order asked.</summary>
    public async Task<IReadOnlyList<InvoiceRecord>> GetByIdsAsync(SessionContext session, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<InvoiceRow>(new CommandDefinition($"""
            SELECT invoice_id, registration_number, status, num, date_text, turnover_date, invoice_type, seller_tin, customer_tin,
                   body, signature, signature_type, signature_valid, certificate_id, version, hash, input_date, delivery_date,
                   last_update_date, cancel_reason, kogd
            FROM invoices i WHERE i.invoice_id = ANY(@Ids) AND {Visible}
            """, new { Ids = ids.ToArray(), session.Tin }, cancellationToken: cancellationToken));
        var read = rows.ToList();
        await CertificateRows.FillAsync(connection, read, cancellationToken);
        var byId = read.ToDictionary(r => r.InvoiceId, r => r.ToRecord());
        return ids.Distinct().Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    /// <summary>queryInvoiceErrorById: every error found for each visible invoice (none for invoices that passed).</summary>
    public async Task<IReadOnlyList<InvoiceErrors>> GetErrorsAsync(SessionContext session, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long InvoiceId, string RuleId, string ErrorCode, string Property, string Text)>(
            new CommandDefinition($"""
                SELECT i.invoice_id, e.rule_id, e.error_code, e.property, e.text
                FROM invoices i LEFT JOIN invoice_errors e ON e.invoice_id = i.invoice_id
                WHERE i.invoice_id = ANY(@Ids) AND {Visible}
                ORDER BY i.invoice_id, e.position
                """, new { Ids = ids.ToArray(), session.Tin }, cancellationToken: cancellationToken));
        var byId = rows.GroupBy(r => r.InvoiceId).ToDictionary(
            g => g.Key,
            g => new InvoiceErrors(g.Key, g.Where(r => r.RuleId is not null)
                .Select(r => new RuleViolation(r.RuleId, r.ErrorCode, r.Property, r.Text)).ToList()));
        return ids.Distinct().Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    /// <summary>
    /// The registered original of each FAILED invoice among <paramref name="ids"/> refused as a duplicate: the invoice of the
    /// same seller with the same number and date that holds a registration number. Derived at read time (ADR 0020), and only
    /// where both the duplicate and the original are visible to the session, so no other enterprise's id is ever revealed.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, DuplicateOriginal>> GetDuplicateOriginalsAsync(
        SessionContext session, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long DuplicateId, long Id, string RegistrationNumber)>(new CommandDefinition($"""
            SELECT d.invoice_id, i.invoice_id, i.registration_number
            FROM invoices d JOIN invoices i
              ON i.seller_tin = d.seller_tin AND i.num = d.num AND i.invoice_date = d.invoice_date AND i.registration_number IS NOT NULL
            WHERE d.status = @Failed AND {Visible}
              AND d.invoice_id IN (SELECT i.invoice_id FROM invoices i WHERE i.invoice_id = ANY(@Ids) AND {Visible})
              AND EXISTS (SELECT 1 FROM invoice_errors e WHERE e.invoice_id = d.invoice_id AND e.rule_id = @RuleId)
            """, new
        {
            Ids = ids.ToArray(), session.Tin, Failed = InvoiceStatus.Failed.ToWire(), RuleId = RuleCatalogue.NumberAndDateMustBeUniqueForSeller.Id,
        }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.DuplicateId, r => new DuplicateOriginal(r.Id, r.RegistrationNumber));
    }

    /// <summary>queryInvoiceHistoryById: every status change of each visible invoice, oldest first.</summary>
    public async Task<IReadOnlyList<StatusHistoryRecord>> GetHistoryAsync(
        SessionContext session, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long InvoiceId, string? FromStatus, string ToStatus, DateTime ChangedAt, string Actor,
            string? Tin, string? Reason, string ClientType)>(new CommandDefinition($"""
                SELECT h.invoice_id, h.from_status, h.to_status, h.changed_at, h.actor, h.tin, h.reason, h.client_type
                FROM invoice_status_history h JOIN invoices i ON i.invoice_id = h.invoice_id
                WHERE h.invoice_id = ANY(@Ids) AND {Visible}
                ORDER BY h.invoice_id, h.id
                """, new { Ids = ids.ToArray(), session.Tin }, cancellationToken: cancellationToken));
        return rows.Select(r => new StatusHistoryRecord(
            r.InvoiceId, r.FromStatus is null ? null : InvoiceStatusNames.Parse(r.FromStatus), InvoiceStatusNames.Parse(r.ToStatus),
            new DateTimeOffset(DateTime.SpecifyKind(r.ChangedAt, DateTimeKind.Utc)), r.Actor, r.Tin, r.Reason, r.ClientType)).ToList();
    }
}
