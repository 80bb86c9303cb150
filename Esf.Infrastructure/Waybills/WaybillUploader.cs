using Esf.Domain.Employees;
using System.Security.Cryptography.X509Certificates;
using Esf.Domain.Rules;
using Esf.Domain.Rules.Waybills;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Messaging;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Xml;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Esf.Infrastructure.Waybills;

/// <summary>
/// Accepts an upload of signed waybills as <see cref="InvoiceUploader"/> accepts invoices, on the same outbox (ADR 0024): each
/// waybill passes the envelope checks, SntV1.xsd and the light rules (SNT-F), its seller must be the session's enterprise (or
/// its principal, for an attorney), and the accepted ones are stored IN_QUEUE with the upload in one transaction.
/// </summary>
public sealed class WaybillUploader(
    NpgsqlDataSource database, UploadPublisher publisher, IOptions<EsfOptions> options, IOptions<QuotaOptions> quotas, TimeProvider clock)
{
    public const string SupportedVersion = "SntV1";

    /// <summary>Where a waybill names its seller (field 13), for the authority's violation.</summary>
    private const string SellerProperty = "seller.tin";

    /// <param name="channel">"SOAP" or "REST", recorded with the upload.</param>
    /// <param name="idempotencyKey">A repeat with the same key (per enterprise) gets the first answer back.</param>
    public async Task<UploadResult> UploadAsync(
        SessionContext session, UploadBatch batch, string channel, string? idempotencyKey, CancellationToken cancellationToken)
    {
        session.Demand(EmployeeRight.Sign);
        EnsureSize(batch);
        using var certificate = CertificateParser.TryParse(batch.Certificate, out var parsed) ? parsed : null;
        var declined = new List<UploadItemResult>();
        var checkedItems = Check(batch, certificate, declined);

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var authority = await SellerAuthority.LoadAsync(
            connection, session, checkedItems.Select(w => w.Document.SellerTin!), KazakhstanTime.Today(clock), cancellationToken);
        var accepted = new List<AcceptedWaybill>();
        foreach (var waybill in checkedItems)
        {
            if (authority.Refusal(waybill.Document.SellerTin, waybill.Item.SignatureType, SellerProperty) is { } refusal)
            {
                declined.Add(Declined(waybill.Index, waybill.Document, [refusal]));
            }
            else
            {
                accepted.Add(waybill);
            }
        }

        declined.Sort((a, b) => a.Index.CompareTo(b.Index));
        var (result, _) = await UploadTransaction.CommitAsync(
            connection, publisher, new UploadRequest(session, batch, channel, UploadKinds.Waybill, idempotencyKey), accepted.Count, declined,
            async uploadId =>
            {
                var ids = await WaybillStore.InsertAsync(connection, uploadId, session, batch.Certificate, accepted, clock.GetUtcNow(), cancellationToken);
                return accepted.Select((w, i) => new UploadItemResult(w.Index, ids[i], w.Document.Body.Num ?? "", w.Document.Body.Date ?? "", [])).ToList();
            },
            beforeCommit: null, clock, quotas.Value, cancellationToken);
        return result;
    }

    private void EnsureSize(UploadBatch batch)
    {
        if (batch.Items.Count == 0)
        {
            throw EsfException.InvalidInput("Список СНТ пуст: передайте хотя бы одну СНТ (the waybill list is empty).", "FIELD_IS_NULL");
        }

        if (batch.Items.Count > options.Value.MaxInvoicesPerUpload)
        {
            throw EsfException.InvalidInput(
                $"В одном запросе допускается не более {options.Value.MaxInvoicesPerUpload} СНТ (at most {options.Value.MaxInvoicesPerUpload} waybills per upload).");
        }
    }

    /// <summary>The waybills that passed the upload checks; the others go to <paramref name="declined"/> with every violation.</summary>
    private static List<AcceptedWaybill> Check(UploadBatch batch, X509Certificate2? certificate, List<UploadItemResult> declined)
    {
        var passed = new List<AcceptedWaybill>();
        var keys = new HashSet<(string?, string?, string?)>();
        for (var i = 0; i < batch.Items.Count; i++)
        {
            var item = batch.Items[i];
            var violations = UploadChecks.Envelope(item, certificate, SupportedVersion);
            var body = WaybillBodyReader.Read(item.Body);
            violations.AddRange(body.Violations);
            if (body.Document is { } document)
            {
                violations.AddRange(WaybillRuleCatalogue.CheckDocument(document));
                if (violations.Count == 0 && !keys.Add((document.SellerTin, document.Body.Num, document.Body.Date)))
                {
                    violations.Add(RuleCatalogue.BatchNumbersMustBeUnique.Violation("num"));
                }
            }

            if (violations.Count == 0)
            {
                passed.Add(new AcceptedWaybill(i, item, body.Document!));
            }
            else
            {
                declined.Add(Declined(i, body.Document, violations));
            }
        }

        return passed;
    }

    private static UploadItemResult Declined(int index, WaybillDocument? document, IReadOnlyList<RuleViolation> violations) =>
        new(index, null, document?.Body.Num ?? "", document?.Body.Date ?? "", violations);
}

/// <summary>A waybill that passed the upload checks and is about to be stored IN_QUEUE.</summary>
internal sealed record AcceptedWaybill(int Index, UploadItem Item, WaybillDocument Document);
