using Esf.Domain.Employees;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Xml;
using Npgsql;

namespace Esf.Infrastructure.Drafts;

/// <summary>
/// Drafts («Черновик», Rules p.13.8): an enterprise saves an unsigned, possibly incomplete invoice, edits, lists and deletes
/// it, runs the whole control on it (<see cref="InvoiceValidator"/>) and finally sends it with a signature, which makes it an
/// ordinary upload (<see cref="InvoiceUploader"/>) exactly once. Only the author's enterprise ever sees a draft.
/// </summary>
public sealed class InvoiceDrafts(NpgsqlDataSource database, InvoiceUploader uploader, InvoiceValidator validator, TimeProvider clock)
{
    public const int MaxListLimit = 1000;

    private const string AlreadySentCode = "DRAFT_ALREADY_SENT";

    public async Task<InvoiceDraft> SaveAsync(SessionContext session, DraftContent content, CancellationToken ct)
    {
        session.Demand(EmployeeRight.Create);
        var checkedContent = Require(content);
        await using var connection = await database.OpenConnectionAsync(ct);
        return await DraftStore.InsertAsync(connection, session.Tin, session.Login, checkedContent, clock.GetUtcNow(), ct);
    }

    public async Task<InvoiceDraft> GetAsync(SessionContext session, long draftId, CancellationToken ct)
    {
        session.Demand(EmployeeRight.Create);
        await using var connection = await database.OpenConnectionAsync(ct);
        return await DraftStore.FindAsync(connection, session.Tin, draftId, ct) ?? throw Missing(draftId);
    }

    public async Task<IReadOnlyList<InvoiceDraft>> ListAsync(SessionContext session, long afterId, int limit, CancellationToken ct)
    {
        session.Demand(EmployeeRight.Create);
        await using var connection = await database.OpenConnectionAsync(ct);
        return await DraftStore.ListUnsentAsync(connection, session.Tin, afterId, Math.Clamp(limit, 1, MaxListLimit), ct);
    }

    public async Task<InvoiceDraft> EditAsync(SessionContext session, long draftId, DraftContent content, CancellationToken ct)
    {
        session.Demand(EmployeeRight.Create);
        var checkedContent = Require(content);
        await using var connection = await database.OpenConnectionAsync(ct);
        return await DraftStore.UpdateUnsentAsync(connection, session.Tin, draftId, checkedContent, clock.GetUtcNow(), ct)
            ?? throw await NotEditableAsync(connection, session, draftId, ct);
    }

    public async Task DeleteAsync(SessionContext session, long draftId, CancellationToken ct)
    {
        session.Demand(EmployeeRight.Create);
        await using var connection = await database.OpenConnectionAsync(ct);
        if (!await DraftStore.DeleteUnsentAsync(connection, session.Tin, draftId, ct))
        {
            throw await NotEditableAsync(connection, session, draftId, ct);
        }
    }

    /// <summary>The whole control on the draft's body, as <c>POST /api/v1/invoices/validate</c> runs it; nothing is stored.</summary>
    public async Task<InvoiceValidation> ValidateAsync(
        SessionContext session, long draftId, string? signature, string? certificate, string? signatureType, CancellationToken ct)
    {
        session.Demand(EmployeeRight.Create);
        var draft = await GetAsync(session, draftId, ct);
        return await validator.ValidateAsync(session, draft.Body, signature, certificate, signatureType, draft.WarehouseLines, ct);
    }

    /// <summary>
    /// Uploads the draft's body with <paramref name="signature"/>: accepted, it is queued like any upload and the draft records
    /// the invoice in the same transaction; declined, nothing is stored and the draft stays editable. A repeat, also a concurrent
    /// one, answers the upload the draft already became.
    /// </summary>
    public async Task<UploadResult> SendAsync(
        SessionContext session, long draftId, string certificate, string signature, string signatureType, string version, CancellationToken ct)
    {
        session.Demand(EmployeeRight.Create);
        var draft = await GetAsync(session, draftId, ct);
        if (draft.IsSent)
        {
            return SentAnswer(draft);
        }

        var batch = new UploadBatch(
            [new UploadItem(draft.Body, version, signature, signatureType, draft.WarehouseLines is { Count: > 0 } lines ? lines : null)], certificate);
        try
        {
            return await uploader.UploadAsync(session, batch, "REST", idempotencyKey: null,
                (connection, result, token) => RecordSendingAsync(connection, draft, result, token), ct);
        }
        catch (EsfException e) when (e.ErrorCode == AlreadySentCode)
        {
            return SentAnswer(await GetAsync(session, draftId, ct));
        }
    }

    private async Task RecordSendingAsync(NpgsqlConnection connection, InvoiceDraft draft, UploadResult result, CancellationToken ct)
    {
        if (result.Accepted.Count == 0
            || await DraftStore.MarkSentAsync(connection, draft, result.Accepted[0], result.UploadId!.Value, clock.GetUtcNow(), ct))
        {
            return;
        }

        // Rolls this upload back: a concurrent send won, or the draft was edited after it was read.
        var now = await DraftStore.FindAsync(connection, draft.Tin, draft.DraftId, ct);
        throw now is { IsSent: true }
            ? EsfException.Conflict("The draft was sent by a concurrent request.", AlreadySentCode)
            : EsfException.Conflict($"Черновик {draft.DraftId} изменен во время отправки: отправьте его снова (the draft changed while it was sent).", "DRAFT_CHANGED");
    }

    /// <summary>The answer of the upload a sent draft became (its body is the one sent).</summary>
    private static UploadResult SentAnswer(InvoiceDraft draft)
    {
        var document = InvoiceBodyReader.Read(draft.Body).Document;
        return new UploadResult(draft.UploadId, [new UploadItemResult(0, draft.InvoiceId, document?.Num ?? "", document?.DateText ?? "", [])], []);
    }

    private static async Task<EsfException> NotEditableAsync(NpgsqlConnection connection, SessionContext session, long draftId, CancellationToken ct) =>
        await DraftStore.FindAsync(connection, session.Tin, draftId, ct) is { IsSent: true } draft
            ? EsfException.Conflict($"Черновик {draftId} уже отправлен: ЭСФ {draft.InvoiceId} (the draft was sent and can no longer change).", AlreadySentCode)
            : Missing(draftId);

    private static EsfException Missing(long draftId) => EsfException.NotFound($"Черновик {draftId} не найден (draft not found).", "DRAFT_NOT_FOUND");

    private static DraftContent Require(DraftContent content) =>
        string.IsNullOrWhiteSpace(content.Body)
            ? throw EsfException.InvalidInput("body is required: the draft's invoice XML, complete or not.")
            : content with { WarehouseLines = content.WarehouseLines?.Where(l => l is not null).ToList() };
}
