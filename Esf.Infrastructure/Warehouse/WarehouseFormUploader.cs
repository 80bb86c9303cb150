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
/// Accepts an upload of signed warehouse forms on the same outbox as invoices and waybills (ADR 0024, <see cref="UploadKinds.WarehouseForm"/>):
/// each form passes the envelope checks (version, signature, signature type, certificate) and its own shape (read by the caller
/// into a <see cref="WarehouseFormDraft"/>), and the accepted ones are stored QUEUED with their upload, body, signature and
/// certificate in one <see cref="UploadTransaction"/>; the worker decides them (<see cref="WarehouseFormProcessor.ProcessUploadAsync"/>).
/// The sender is the session's enterprise; the person needs the employee right SIGN (ADR 0037).
/// </summary>
public sealed class WarehouseFormUploader(
    NpgsqlDataSource database, UploadPublisher publisher, IOptions<EsfOptions> options, IOptions<QuotaOptions> quotas, TimeProvider clock)
{
    public const string SupportedVersion = "VsFormV1";

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
        var accepted = new List<(int Index, UploadItem Item, WarehouseFormDraft Draft)>();
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

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            var (result, _) = await UploadTransaction.CommitAsync(
                connection, publisher, new UploadRequest(session, batch, "REST", UploadKinds.WarehouseForm, idempotencyKey), accepted.Count, declined,
                async uploadId =>
                {
                    var stored = new List<UploadItemResult>();
                    foreach (var (index, item, draft) in accepted)
                    {
                        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                            INSERT INTO warehouse_forms (tin, kind, number, form_date, recipient_tin, total, lines, created_at, upload_id, body, signature,
                                                         signature_type, certificate)
                            VALUES (@Tin, @Kind, @Number, @Date, @RecipientTin, @Total, @Lines::jsonb, @Now, @UploadId, @Body, @Signature, @SignatureType,
                                    @Certificate)
                            RETURNING form_id
                            """, new
                        {
                            session.Tin, Kind = WarehouseNames.FormKinds.Code(draft.Kind), draft.Number, draft.Date, draft.RecipientTin, draft.Total,
                            Lines = JsonSerializer.Serialize(draft.Lines), Now = clock.GetUtcNow().UtcDateTime, UploadId = uploadId, Body = item.Body.Text,
                            item.Signature, item.SignatureType, batch.Certificate,
                        }, cancellationToken: cancellationToken));
                        stored.Add(new UploadItemResult(index, id, draft.Number, draft.Date.ToString("dd.MM.yyyy"), []));
                    }

                    return stored;
                },
                beforeCommit: null, clock, quotas.Value, cancellationToken);
            return result;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "warehouse_forms_number_once")
        {
            throw EsfException.Conflict("A form with this number and date was already uploaded by the enterprise.", "NOT_UNIQUE_NUMBER_AND_DATE");
        }
    }
}
