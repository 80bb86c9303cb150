namespace Esf.Infrastructure.Invoices;

/// <summary>One invoice of a status operation (invoiceIdWithReason): its id and the reason, when the operation has one.</summary>
public sealed record StatusChangeItem(long Id, string? Reason);
