namespace Esf.Infrastructure.Registration;

/// <summary>An unfinished invoice of an upload the worker has claimed, with what it needs to check it.</summary>
internal sealed record PendingInvoice(long InvoiceId, string Body, string Signature, string Certificate, string SignatureType);
