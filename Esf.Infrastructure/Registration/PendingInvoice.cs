namespace Esf.Infrastructure.Registration;

/// <summary>An invoice the worker has taken (IN_PROCESSING), with what it needs to check it.</summary>
internal sealed record PendingInvoice(long InvoiceId, string Body, string Signature, string Certificate, string SignatureType);
