namespace Esf.Api.Rest.Invoices;

/// <summary>A page of a search: the invoices, the cursor of the next page (null at the end) and whether there is one.</summary>
public sealed record InvoiceSearchPage(IReadOnlyList<InvoiceView> Invoices, string? Cursor, bool HasMore);
