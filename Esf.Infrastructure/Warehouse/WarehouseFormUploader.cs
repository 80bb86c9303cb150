using System.Text.Json;
using Dapper;
using Esf.Domain.Employees;
using Esf.Domain.Rules;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Messaging;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// Accepts warehouse forms on the same outbox as invoices and waybills (ADR 0024, <see cref="UploadKinds.WarehouseForm"/>), signed or
/// plain JSON alike: the accepted forms are stored QUEUED with their upload in one <see cref="UploadTransaction"/>, one
/// <c>ValidateUpload</c> message goes out after commit (the relay republishes it if it is lost), and the worker decides them
/// (<see cref="WarehouseFormProcessor.ProcessUploadAsync"/>). Nothing polls the table. A signed item passes the envelope checks
/// (version, signature, signature type, certificate) and its own shape (read by the caller into a <see cref="WarehouseFormDraft"/>);
/// it keeps its body, signature and certificate for the worker's check of the signer. The sender is the session's enterprise;
/// the person needs the employee right SIGN (ADR 0037).
/// </summary>
public sealed class WarehouseFormUploader(
    NpgsqlDataSource database, UploadPublisher publisher, IOptions<EsfOptions> options, IOptions<QuotaOptions> quotas, TimeProvider clock)
{
    public const string SupportedVersion = "VsFormV1";

    internal const string Columns = """
        form_id, tin, kind, number, form_date, recipient_tin, total, status, error_reason, created_at, processed_at, error_code
        """;

    /// <summary>
    /// A form uploaded as plain JSON (no signature: the session's person, holding SIGN, answers for it): an upload of one unsigned
    /// item, stored and published exactly as a signed one, and answered with the queued journal row.
    /// </summary>
    public async Task<WarehouseFormRecord> UploadPlainAsync(SessionContext session, WarehouseFormDraft draft, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.Sign);
        var item = new UploadItem(JsonSerializer.Serialize(draft), SupportedVersion, "", "");
        IReadOnlyList<WarehouseFormRecord> stored = [];
        await StoreAsync(session, new UploadBatch([item], ""), [(0, null, draft)], [], null, async (connection, uploadId) =>
            stored = await InsertAsync(connection, session.Tin, uploadId, [(draft, null)], null, cancellationToken), cancellationToken);
        return stored.Single();
    }

    /// <param name="drafts">Each item's form as read from its body, or the reason it cannot be read (in item order).</param>
    public async Task<UploadResult> UploadAsync(SessionContext session, UploadBatch batch, IReadOnlyList<(WarehouseFormDraft? Draft, string? Problem)> drafts,
        string? idempotencyKey, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.Sign);
        if (batch.Items.Count == 0 || batch.Items.Count > options.Value.MaxInvoicesPerUpload)
        {
            throw EsfException.InvalidInput($"forms: от 1 до {options.Value.MaxInvoicesPerUpload} форм в одном запросе (1 to {options.Value.MaxInvoicesPerUpload} forms).");
        }

        using var certificate = CertificateParser.TryParse(batch.Certificate, out var parsed) ? parsed : null;
        var accepted = new List<(int Index, UploadItem? Item, WarehouseFormDraft Draft)>();
        var declined = new List<UploadItemResult>();
        var keys = new HashSet<(string, DateOnly)>();
        for (var i = 0; i < batch.Items.Count; i++)
        {
            var (draft, problem) = drafts[i];
            var violations = UploadChecks.Envelope(batch.Items[i], certificate, SupportedVersion);
            if (draft is null)
            {
                violations.Add(RuleCatalogue.BodyMustMatchSchema.Violation("body", problem ?? "—"));
            }
            else if (violations.Count == 0 && !keys.Add((draft.Number, draft.Date)))
            {
                violations.Add(RuleCatalogue.BatchNumbersMustBeUnique.Violation("number"));
            }

            if (violations.Count == 0)
            {
                accepted.Add((i, batch.Items[i], draft!));
            }
            else
            {
                declined.Add(new UploadItemResult(i, null, draft?.Number ?? "", draft?.Date.ToString("dd.MM.yyyy") ?? "", violations));
            }
        }

        return await StoreAsync(session, batch, accepted, declined, idempotencyKey, (connection, uploadId) => InsertAsync(connection, session.Tin, uploadId,
            [.. accepted.Select(a => (a.Draft, (SignedPart?)new SignedPart(a.Item!.Body.Text, a.Item.Signature, a.Item.SignatureType)))], batch.Certificate,
            cancellationToken), cancellationToken);
    }

    /// <summary>The one upload transaction of forms, signed or not: the accepted ones stored QUEUED with the upload, answered in request order.</summary>
    private async Task<UploadResult> StoreAsync(SessionContext session, UploadBatch batch, IReadOnlyList<(int Index, UploadItem? Item, WarehouseFormDraft Draft)> accepted,
        IReadOnlyList<UploadItemResult> declined, string? idempotencyKey, Func<NpgsqlConnection, long, Task<IReadOnlyList<WarehouseFormRecord>>> store,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            var (result, _) = await UploadTransaction.CommitAsync(
                connection, publisher, new UploadRequest(session, batch, "REST", UploadKinds.WarehouseForm, idempotencyKey), accepted.Count, declined,
                async uploadId =>
                {
                    var stored = await store(connection, uploadId);
                    return [.. accepted.Zip(stored, (a, form) => new UploadItemResult(a.Index, form.FormId, a.Draft.Number, a.Draft.Date.ToString("dd.MM.yyyy"), []))];
                },
                beforeCommit: null, clock, quotas.Value, cancellationToken);
            return result;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "warehouse_forms_number_once")
        {
            throw new RuleRefusal(EsfFaultKind.Conflict, WarehouseFormRules.NumberAndDateMustBeUnique,
                (accepted.Count == 1 ? "" : "одна из форм загрузки: ")
                + string.Join(", ", accepted.Select(a => $"№ {a.Draft.Number} от {a.Draft.Date:dd.MM.yyyy}")));
        }
    }

    /// <summary>
    /// Stores <paramref name="forms"/> QUEUED in one statement and answers them in their given order: each row comes back with its
    /// input's position (the number and date are unique in the enterprise), so an id is never matched to another form's body, whatever
    /// order the rows are returned in or whichever other upload runs at once.
    /// </summary>
    /// <param name="certificate">The batch's certificate for signed forms; null for a plain one.</param>
    private async Task<IReadOnlyList<WarehouseFormRecord>> InsertAsync(NpgsqlConnection connection, string tin, long uploadId,
        IReadOnlyList<(WarehouseFormDraft Draft, SignedPart? Signed)> forms, string? certificate, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<WarehouseFormRecord>(new CommandDefinition($"""
            WITH input AS (
                SELECT * FROM unnest(@Kinds, @Numbers, @Dates, @RecipientTins, @Totals, @Lines, @Bodies, @Signatures, @SignatureTypes)
                    WITH ORDINALITY AS i(kind, number, form_date, recipient_tin, total, lines, body, signature, signature_type, position)),
            inserted AS (
                INSERT INTO warehouse_forms (tin, kind, number, form_date, recipient_tin, total, lines, created_at, upload_id, body, signature,
                                             signature_type, certificate)
                SELECT @Tin, kind, number, form_date, recipient_tin, total, lines::jsonb, @Now, @UploadId, body, signature, signature_type, @Certificate
                FROM input ORDER BY position
                RETURNING {Columns})
            SELECT inserted.* FROM inserted JOIN input USING (number, form_date) ORDER BY input.position
            """, new
        {
            Tin = tin, Kinds = forms.Select(f => WarehouseNames.FormKinds.Code(f.Draft.Kind)).ToArray(), Numbers = forms.Select(f => f.Draft.Number).ToArray(),
            Dates = forms.Select(f => f.Draft.Date).ToArray(), RecipientTins = forms.Select(f => f.Draft.RecipientTin).ToArray(),
            Totals = forms.Select(f => f.Draft.Total).ToArray(), Lines = forms.Select(f => JsonSerializer.Serialize(f.Draft.Lines)).ToArray(),
            Bodies = forms.Select(f => f.Signed?.Body).ToArray(), Signatures = forms.Select(f => f.Signed?.Signature).ToArray(),
            SignatureTypes = forms.Select(f => f.Signed?.SignatureType).ToArray(), Certificate = certificate, Now = clock.GetUtcNow().UtcDateTime,
            UploadId = uploadId,
        }, cancellationToken: cancellationToken))];

    /// <summary>What a signed form keeps for the worker besides the batch's certificate: its body exactly as signed, the signature and its type.</summary>
    private sealed record SignedPart(string Body, string Signature, string SignatureType);
}
