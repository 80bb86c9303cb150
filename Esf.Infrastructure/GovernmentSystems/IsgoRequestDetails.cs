namespace Esf.Infrastructure.GovernmentSystems;

/// <summary>A request with its invoices (each with its outcome) and its history.</summary>
public sealed record IsgoRequestDetails(IsgoRequestRow Request, IReadOnlyList<IsgoRequestInvoiceRow> Invoices, IReadOnlyList<IsgoHistoryRow> History);
