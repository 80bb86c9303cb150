using Esf.Infrastructure.Sessions;

namespace Esf.Infrastructure.Invoices;

/// <summary>Who uploads what through which channel, with the client's Idempotency-Key, as <see cref="InvoiceUploader.StoreAsync"/> records it.</summary>
/// <param name="QueuesInvoices">The accepted invoices wait for the worker (false for an import: they wait for their transfer).</param>
internal sealed record UploadRequest(SessionContext Session, UploadBatch Batch, string Channel, string? IdempotencyKey, bool QueuesInvoices = true);
