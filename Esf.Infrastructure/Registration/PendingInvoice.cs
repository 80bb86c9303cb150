namespace Esf.Infrastructure.Registration;

/// <summary>An unfinished invoice of an upload the worker has claimed, with what it needs to check it.</summary>
/// <param name="WarehouseLines">The stored warehouse lines (jsonb), null for a plain invoice.</param>
internal sealed record PendingInvoice(long InvoiceId, string Body, string Signature, string Certificate, string SignatureType,
    string? WarehouseLines = null);
