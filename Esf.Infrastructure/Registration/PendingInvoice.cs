namespace Esf.Infrastructure.Registration;

/// <summary>An unfinished invoice of an upload the worker has claimed, with what it needs to check it.</summary>
/// <param name="WarehouseLines">The warehouse lines it names, read once from the stored jsonb (every stage of the verdict uses this
/// one list); null for a plain invoice.</param>
internal sealed record PendingInvoice(long InvoiceId, string Body, string Signature, string Certificate, string SignatureType,
    IReadOnlyList<Domain.Warehouse.WarehouseLineRef>? WarehouseLines = null);
