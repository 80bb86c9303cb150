using Esf.Domain.Employees;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Messaging;
using Esf.Infrastructure.Registration;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Xml;
using Npgsql;

namespace Esf.Infrastructure.Imports;

/// <summary>
/// Import and transfer (Rules p.12: «прием» and «передача»; status IMPORTED «Импортированный», p.13). An accounting system
/// uploads unsigned invoices as imported: each gets the whole control at once (<see cref="InvoiceValidator"/>, without the
/// signature rules) and is stored IMPORTED, without a registration number, so the customer does not see it (ADR 0003's
/// predicate) and no message is published. Transferring one signs it and makes it an ordinary upload: the upload checks and
/// who may send it are decided again on the day of the transfer, then the worker runs every registration rule on its own
/// day and registers (CREATED, delivered to the customer) or fails it.
/// </summary>
public sealed class InvoiceImports(NpgsqlDataSource database, InvoiceUploader uploader, InvoiceValidator validator, TimeProvider clock)
{
    private const string Channel = "REST";

    /// <param name="bodies">The invoices' XML with the signature type they will be transferred with (COMPANY or OPERATOR) and the
    /// lines they sell through the virtual warehouse, stored with the invoice so that its transfer moves them.</param>
    public async Task<UploadResult> ImportAsync(SessionContext session, IReadOnlyList<ImportItem> bodies, string? idempotencyKey, CancellationToken ct)
    {
        session.Demand(EmployeeRight.Sign);
        var batch = new UploadBatch(
            [.. bodies.Select(b => new UploadItem(b.Body, UploadChecks.SupportedVersion, "", b.SignatureType, b.WarehouseLines is { Count: > 0 } l ? l : null))], "");
        uploader.EnsureSize(batch);
        var accepted = new List<AcceptedInvoice>();
        var declined = new List<UploadItemResult>();
        for (var i = 0; i < batch.Items.Count; i++)
        {
            var item = batch.Items[i];
            var control = await validator.ValidateAsync(session, item.Body.Text, null, null, item.SignatureType, item.WarehouseLines, ct);
            var document = InvoiceBodyReader.Read(item.Body).Document;
            if (control.Valid)
            {
                accepted.Add(new AcceptedInvoice(i, item, document!));
            }
            else
            {
                declined.Add(new UploadItemResult(i, null, document?.Num ?? "", document?.DateText ?? "", control.Violations));
            }
        }

        await using var connection = await database.OpenConnectionAsync(ct);
        return await uploader.StoreAsync(connection, new UploadRequest(session, batch, Channel, UploadKinds.Invoice, idempotencyKey, QueuesDocuments: false), accepted, declined,
            (uploadId, token) => UploadStore.InsertInvoicesAsync(connection, uploadId, session, batch.Certificate, accepted, InvoiceStatus.Imported, token),
            beforeCommit: null, ct);
    }

    /// <summary>
    /// Signs and sends imported invoices (one certificate for all): accepted ones are queued (IMPORTED → IN_QUEUE) as one upload,
    /// declined ones stay IMPORTED and their errors say why. An id the enterprise did not import answers 404; an invoice no longer
    /// IMPORTED refuses the transfer (409) unless the request repeats an earlier one with its Idempotency-Key.
    /// </summary>
    public async Task<UploadResult> TransferAsync(
        SessionContext session, IReadOnlyList<TransferItem> items, string certificate, string? idempotencyKey, CancellationToken ct)
    {
        session.Demand(EmployeeRight.Sign);
        if (items.Select(i => i.InvoiceId).Distinct().Count() != items.Count)
        {
            throw EsfException.InvalidInput("Each invoice is transferred once per request: an id is repeated.");
        }

        await using var connection = await database.OpenConnectionAsync(ct);
        var bodies = await ImportStore.OwnBodiesAsync(connection, session, [.. items.Select(i => i.InvoiceId)], ct);
        if (items.FirstOrDefault(i => !bodies.ContainsKey(i.InvoiceId)) is { } missing)
        {
            throw EsfException.NotFound($"ЭСФ {missing.InvoiceId} не найден (invoice not found).");
        }

        var batch = new UploadBatch(
            [.. items.Select(i => new UploadItem(bodies[i.InvoiceId].Body, bodies[i.InvoiceId].Version, i.Signature, i.SignatureType))], certificate);
        uploader.EnsureSize(batch);
        var (checkedItems, declined) = uploader.Check(batch);
        var accepted = await uploader.AuthorizeAsync(connection, session, checkedItems, declined, ct);
        return await uploader.StoreAsync(connection, new UploadRequest(session, batch, Channel, UploadKinds.Invoice, idempotencyKey), accepted, declined,
            (uploadId, token) => ImportStore.QueueAsync(connection, uploadId, session, certificate,
                [.. accepted.Select(a => (items[a.Index].InvoiceId, a))], clock.GetUtcNow(), token),
            beforeCommit: null, ct);
    }
}
