using Esf.Domain.Employees;
using System.Security.Cryptography.X509Certificates;
using Esf.Domain.Invoices;
using Esf.Domain.Rules;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Messaging;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Telemetry;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Esf.Infrastructure.Invoices;

/// <summary>
/// Accepts an upload: runs the upload checks on each invoice, and who may send it (<see cref="SellerAuthority"/>), stores the
/// accepted ones IN_QUEUE together with the upload in one transaction, then publishes one message for the whole upload.
/// </summary>
public sealed class InvoiceUploader(
    NpgsqlDataSource database, UploadPublisher publisher, IOptions<EsfOptions> options, IOptions<QuotaOptions> quotas, TimeProvider clock,
    ParsedCertificates certificates)
{
    /// <param name="channel">"SOAP" or "REST", recorded with the upload.</param>
    /// <param name="idempotencyKey">A repeat with the same key (per enterprise) gets the first answer back.</param>
    public Task<UploadResult> UploadAsync(
        SessionContext session, UploadBatch batch, string channel, string? idempotencyKey, CancellationToken cancellationToken) =>
        UploadAsync(session, batch, channel, idempotencyKey, beforeCommit: null, cancellationToken);

    /// <param name="beforeCommit">Runs in the upload's transaction once its invoices are stored, before the commit: what must
    /// happen with the upload or not at all (a draft becomes its upload exactly once). Throwing rolls the upload back.</param>
    public async Task<UploadResult> UploadAsync(
        SessionContext session, UploadBatch batch, string channel, string? idempotencyKey,
        Func<NpgsqlConnection, UploadResult, CancellationToken, Task>? beforeCommit, CancellationToken cancellationToken)
    {
        // Uploading is «заверение» and «отправка» (Rules p.12.2–3): an employee needs the signing right (ADR 0037).
        session.Demand(EmployeeRight.Sign);
        using var activity = EsfActivities.StartUpload(channel);
        EnsureSize(batch);
        var (checkedItems, declined) = Check(batch);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var accepted = await AuthorizeAsync(connection, session, checkedItems, declined, cancellationToken);
        var result = await StoreAsync(connection, new UploadRequest(session, batch, channel, UploadKinds.Invoice, idempotencyKey), accepted, declined,
            (uploadId, token) => UploadStore.InsertInvoicesAsync(connection, uploadId, session, batch.Certificate, accepted, InvoiceStatus.InQueue, token),
            beforeCommit, cancellationToken);
        activity?.SetTag("esf.upload_id", result.UploadId);
        return result;
    }

    /// <summary>
    /// The common end of every invoice upload (also of an import and a transfer) through <see cref="UploadTransaction"/>: the
    /// accepted invoices written by <paramref name="store"/> and <paramref name="beforeCommit"/> in the upload's transaction.
    /// </summary>
    internal async Task<UploadResult> StoreAsync(
        NpgsqlConnection connection, UploadRequest request, IReadOnlyList<AcceptedInvoice> accepted, IReadOnlyList<UploadItemResult> declined,
        Func<long, CancellationToken, Task<long[]>> store, Func<NpgsqlConnection, UploadResult, CancellationToken, Task>? beforeCommit,
        CancellationToken cancellationToken)
    {
        var (result, isRepeat) = await UploadTransaction.CommitAsync(
            connection, publisher, request, accepted.Count, declined,
            async uploadId =>
            {
                var ids = await store(uploadId, cancellationToken);
                return accepted.Select((a, i) => new UploadItemResult(a.Index, ids[i], a.Document.Num, a.Document.DateText, [])).ToList();
            },
            beforeCommit, clock, quotas.Value, cancellationToken);
        if (!isRepeat)
        {
            EsfMetrics.Uploaded(request.Channel, accepted.Count, declined.Count);
        }

        return result;
    }

    internal void EnsureSize(UploadBatch batch)
    {
        if (batch.Items.Count == 0)
        {
            throw EsfException.InvalidInput("Список ЭСФ пуст: передайте хотя бы один invoiceUploadInfo (the invoice list is empty).", "FIELD_IS_NULL");
        }

        if (batch.Items.Count > options.Value.MaxInvoicesPerUpload)
        {
            throw EsfException.InvalidInput(
                $"В одном запросе допускается не более {options.Value.MaxInvoicesPerUpload} ЭСФ (at most {options.Value.MaxInvoicesPerUpload} invoices per upload).");
        }
    }

    /// <summary>The upload checks of every item (in parallel) and the batch's repeated numbers (API-05).</summary>
    internal (List<AcceptedInvoice> Accepted, List<UploadItemResult> Declined) Check(UploadBatch batch)
    {
        var certificate = certificates.Get(batch.Certificate)?.Certificate;
        var checks = new (Domain.Invoices.InvoiceDocument? Document, IReadOnlyList<RuleViolation> Violations)[batch.Items.Count];
        Parallel.For(0, batch.Items.Count, i => checks[i] = UploadChecks.Check(batch.Items[i], certificate));

        var accepted = new List<AcceptedInvoice>();
        var declined = new List<UploadItemResult>();
        var keys = new HashSet<(string?, string, string)>();
        for (var i = 0; i < checks.Length; i++)
        {
            var (document, violations) = checks[i];
            if (document is not null && violations.Count == 0 && !keys.Add((document.SellerTin, document.Num, document.DateText)))
            {
                violations = [RuleCatalogue.BatchNumbersMustBeUnique.Violation("num")];
            }

            if (violations.Count == 0)
            {
                accepted.Add(new AcceptedInvoice(i, batch.Items[i], document!));
            }
            else
            {
                declined.Add(new UploadItemResult(i, null, document?.Num ?? string.Empty, document?.DateText ?? string.Empty, violations));
            }
        }

        return (accepted, declined);
    }

    /// <summary>
    /// The checked invoices their session may send, with the power of attorney each is sent under; the others are declined
    /// (moved to <paramref name="declined"/>, in request order), so nothing of another seller is ever stored.
    /// </summary>
    internal async Task<List<AcceptedInvoice>> AuthorizeAsync(
        NpgsqlConnection connection, SessionContext session, List<AcceptedInvoice> checkedItems, List<UploadItemResult> declined,
        CancellationToken cancellationToken)
    {
        if (checkedItems.Count == 0)
        {
            return checkedItems;
        }

        var authority = await SellerAuthority.LoadAsync(
            connection, session, checkedItems.Select(a => a.Document.SellerTin!), KazakhstanTime.Today(clock), cancellationToken);
        var accepted = new List<AcceptedInvoice>(checkedItems.Count);
        foreach (var invoice in checkedItems)
        {
            if (authority.Refusal(invoice.Document, invoice.Item.SignatureType) is { } refusal)
            {
                declined.Add(new UploadItemResult(invoice.Index, null, invoice.Document.Num, invoice.Document.DateText, [refusal]));
            }
            else
            {
                accepted.Add(invoice with { PowerOfAttorneyId = authority.PowerOfAttorney(invoice.Document.SellerTin!, invoice.Item.SignatureType) });
            }
        }

        declined.Sort((a, b) => a.Index.CompareTo(b.Index));
        return accepted;
    }
}
