using Esf.Infrastructure.Invoices;

namespace Esf.Infrastructure.Search;

/// <summary>A page of search results; <see cref="Next"/> continues after its last row (null when there is nothing more).</summary>
public sealed record SearchPage(IReadOnlyList<InvoiceRecord> Invoices, bool HasMore, SearchCursor? Next);
