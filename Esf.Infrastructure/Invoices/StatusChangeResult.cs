namespace Esf.Infrastructure.Invoices;

/// <summary>
/// changeStatusResult: one invoice of a status operation. <see cref="Summary"/> is null for an id the session cannot see,
/// which answers exactly like an id that does not exist.
/// </summary>
public sealed record StatusChangeResult(long InvoiceId, InvoiceSummaryRecord? Summary, bool IsChanged, string? ErrorCode, string? Message);
