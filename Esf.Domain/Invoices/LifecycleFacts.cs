namespace Esf.Domain.Invoices;

/// <summary>What the operations decide on: the invoice's status, kind and dates (calendar days in Kazakhstan time).</summary>
/// <param name="InvoiceDate">The issue date («дата выписки», field 2) that opens the decline window.</param>
/// <param name="RevokedOn">The day of the last revocation, which opens the unrevoke window.</param>
public sealed record LifecycleFacts(InvoiceStatus Status, InvoiceType Type, DateOnly InvoiceDate, DateOnly? RevokedOn);
