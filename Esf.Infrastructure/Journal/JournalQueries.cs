using Esf.Domain.Employees;
using Dapper;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Journal;

/// <summary>
/// What the web journal shows beside the search: the upload log, the queue and recent failures, and the documents linked
/// to an invoice. Uploads belong to the enterprise that sent them (<c>u.tin</c>); invoices are read under
/// <see cref="InvoiceVisibility"/> like everywhere else.
/// </summary>
public sealed class JournalQueries(NpgsqlDataSource database, InvoiceQueries invoices)
{
    private const string Visible = InvoiceVisibility.Predicate;

    /// <summary>The enterprise's uploads, newest first, before <paramref name="beforeUploadId"/> (keyset paging).</summary>
    public async Task<IReadOnlyList<UploadLogEntry>> UploadsAsync(SessionContext session, long? beforeUploadId, int take, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var uploads = (await connection.QueryAsync<(long UploadId, DateTime ReceivedAt, string Channel, string Login, int ItemCount, int AcceptedCount)>(
            new CommandDefinition("""
                SELECT u.upload_id, u.received_at, u.channel, u.login, u.item_count, u.accepted_count
                FROM uploads u WHERE u.tin = @Tin AND (@Before::bigint IS NULL OR u.upload_id < @Before)
                ORDER BY u.upload_id DESC LIMIT @Take
                """, new { session.Tin, Before = beforeUploadId, Take = take }, cancellationToken: cancellationToken))).ToList();
        var declines = (await connection.QueryAsync<(long UploadId, int ItemIndex, string Num, string DateText, string RuleId, string ErrorCode, string Property, string Text)>(
            new CommandDefinition("""
                SELECT d.upload_id, d.item_index, d.num, d.date_text, d.rule_id, d.error_code, d.property, d.text
                FROM upload_declines d JOIN uploads u ON u.upload_id = d.upload_id
                WHERE u.tin = @Tin AND d.upload_id = ANY(@Ids)
                ORDER BY d.upload_id, d.item_index, d.position
                """, new { session.Tin, Ids = uploads.Select(u => u.UploadId).ToArray() }, cancellationToken: cancellationToken)))
            .ToLookup(d => d.UploadId, d => new DeclinedItem(d.ItemIndex, d.Num, d.DateText, d.RuleId, d.ErrorCode, d.Property, d.Text));
        return [.. uploads.Select(u => new UploadLogEntry(
            u.UploadId, Utc(u.ReceivedAt), u.Channel, u.Login, u.ItemCount, u.AcceptedCount, [.. declines[u.UploadId]]))];
    }

    /// <summary>The enterprise's own invoices still in the queue (uses the partial index on unfinished invoices).</summary>
    public async Task<QueueState> QueueAsync(SessionContext session, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(long Waiting, DateTime? Oldest)>(new CommandDefinition($"""
            SELECT count(*), min(i.input_date) FROM invoices i
            WHERE i.status IN ('IN_QUEUE', 'IN_PROCESSING') AND i.sender_tin = @Tin AND {Visible}
            """, new { session.Tin }, cancellationToken: cancellationToken));
        return new QueueState(row.Waiting, row.Oldest is { } oldest ? Utc(oldest) : null);
    }

    /// <summary>The enterprise's latest FAILED uploads, newest first, with every error of each.</summary>
    public async Task<IReadOnlyList<(InvoiceRecord Invoice, InvoiceErrors Errors)>> RecentFailuresAsync(
        SessionContext session, int take, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition($"""
            SELECT i.invoice_id FROM invoices i WHERE i.status = 'FAILED' AND i.sender_tin = @Tin AND {Visible}
            ORDER BY i.last_update_date DESC LIMIT @Take
            """, new { session.Tin, Take = take }, cancellationToken: cancellationToken))).ToList();
        var records = await invoices.GetByIdsAsync(session, ids, cancellationToken);
        var errors = (await invoices.GetErrorsAsync(session, ids, cancellationToken)).ToDictionary(e => e.InvoiceId);
        return [.. records.Select(r => (r, errors.GetValueOrDefault(r.InvoiceId, new InvoiceErrors(r.InvoiceId, []))))];
    }

    /// <summary>
    /// The invoice's original (what a corrected or additional invoice refers to) and the corrected and additional invoices
    /// that refer to it, as far as the session may see them.
    /// </summary>
    public async Task<IReadOnlyList<InvoiceRecord>> LinkedAsync(SessionContext session, long invoiceId, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.View);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition($"""
            SELECT i.invoice_id FROM invoices i
            WHERE {Visible}
              AND (i.related_invoice_id = @Id OR i.invoice_id = (SELECT o.related_invoice_id FROM invoices o WHERE o.invoice_id = @Id))
            ORDER BY i.invoice_id
            """, new { session.Tin, Id = invoiceId }, cancellationToken: cancellationToken))).ToList();
        return await invoices.GetByIdsAsync(session, ids, cancellationToken);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
