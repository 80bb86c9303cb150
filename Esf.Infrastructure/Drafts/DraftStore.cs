using Dapper;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Warehouse;
using Npgsql;

namespace Esf.Infrastructure.Drafts;

/// <summary>
/// Every statement on <c>invoice_drafts</c>. Each one carries the tenant predicate (<c>tin = @Tin</c>, ADR 0003): another
/// enterprise's draft answers exactly as a missing one.
/// </summary>
internal static class DraftStore
{
    private const string Columns =
        "draft_id, tin, author_login, body, created_at, updated_at, invoice_id, upload_id, sent_at, warehouse_lines::text AS warehouse_lines";

    public static async Task<InvoiceDraft> InsertAsync(
        NpgsqlConnection connection, string tin, string login, DraftContent content, DateTimeOffset now, CancellationToken ct) =>
        (await connection.QuerySingleAsync<DraftRow>(new CommandDefinition($"""
            INSERT INTO invoice_drafts (tin, author_login, body, warehouse_lines, created_at, updated_at)
            VALUES (@Tin, @Login, @Body, @Lines::jsonb, @Now, @Now)
            RETURNING {Columns}
            """, new { Tin = tin, Login = login, content.Body, Lines = WarehouseLinesJson.Write(content.WarehouseLines), Now = now },
            cancellationToken: ct))).ToDraft();

    public static async Task<InvoiceDraft?> FindAsync(NpgsqlConnection connection, string tin, long draftId, CancellationToken ct) =>
        (await connection.QuerySingleOrDefaultAsync<DraftRow>(new CommandDefinition(
            $"SELECT {Columns} FROM invoice_drafts WHERE draft_id = @DraftId AND tin = @Tin",
            new { DraftId = draftId, Tin = tin }, cancellationToken: ct)))?.ToDraft();

    /// <summary>The enterprise's unsent drafts after <paramref name="afterId"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<InvoiceDraft>> ListUnsentAsync(
        NpgsqlConnection connection, string tin, long afterId, int limit, CancellationToken ct) =>
        [.. (await connection.QueryAsync<DraftRow>(new CommandDefinition($"""
            SELECT {Columns} FROM invoice_drafts WHERE tin = @Tin AND invoice_id IS NULL AND draft_id > @After
            ORDER BY draft_id LIMIT @Limit
            """, new { Tin = tin, After = afterId, Limit = limit }, cancellationToken: ct))).Select(r => r.ToDraft())];

    /// <summary>Replaces the body and warehouse lines of an unsent draft; null when there is no unsent draft of this enterprise with that id.</summary>
    public static async Task<InvoiceDraft?> UpdateUnsentAsync(
        NpgsqlConnection connection, string tin, long draftId, DraftContent content, DateTimeOffset now, CancellationToken ct) =>
        (await connection.QuerySingleOrDefaultAsync<DraftRow>(new CommandDefinition($"""
            UPDATE invoice_drafts SET body = @Body, warehouse_lines = @Lines::jsonb, updated_at = @Now
            WHERE draft_id = @DraftId AND tin = @Tin AND invoice_id IS NULL
            RETURNING {Columns}
            """, new { content.Body, Lines = WarehouseLinesJson.Write(content.WarehouseLines), Now = now, DraftId = draftId, Tin = tin },
            cancellationToken: ct)))?.ToDraft();

    /// <returns>Whether an unsent draft of this enterprise was deleted.</returns>
    public static async Task<bool> DeleteUnsentAsync(NpgsqlConnection connection, string tin, long draftId, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM invoice_drafts WHERE draft_id = @DraftId AND tin = @Tin AND invoice_id IS NULL",
            new { DraftId = draftId, Tin = tin }, cancellationToken: ct)) == 1;

    /// <summary>
    /// Records the upload the draft became, inside the upload's transaction, only if the draft is still unsent and still holds
    /// the body and the warehouse lines that were sent. A concurrent send waits here on the row lock and then finds it sent.
    /// </summary>
    /// <returns>Whether this upload is the draft's.</returns>
    public static async Task<bool> MarkSentAsync(
        NpgsqlConnection connection, InvoiceDraft draft, UploadItemResult accepted, long uploadId, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE invoice_drafts SET invoice_id = @InvoiceId, upload_id = @UploadId, sent_at = @Now
            WHERE draft_id = @DraftId AND tin = @Tin AND invoice_id IS NULL AND body = @Body
              AND warehouse_lines IS NOT DISTINCT FROM @Lines::jsonb
            """, new { accepted.InvoiceId, UploadId = uploadId, Now = now, draft.DraftId, draft.Tin, draft.Body, Lines = WarehouseLinesJson.Write(draft.WarehouseLines) },
            cancellationToken: ct)) == 1;

    private sealed record DraftRow(
        long DraftId, string Tin, string AuthorLogin, string Body, DateTime CreatedAt, DateTime UpdatedAt,
        long? InvoiceId, long? UploadId, DateTime? SentAt, string? WarehouseLines)
    {
        public InvoiceDraft ToDraft() => new(
            DraftId, Tin, AuthorLogin, Body, Utc(CreatedAt), Utc(UpdatedAt), InvoiceId, UploadId, SentAt is { } sent ? Utc(sent) : null,
            WarehouseLinesJson.Read(WarehouseLines));

        private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }
}
