using Esf.Domain.Warehouse;

namespace Esf.Infrastructure.Drafts;

/// <summary>What a draft holds: the invoice XML, complete or not, and the lines it sells through the virtual warehouse (null or empty: none).</summary>
public sealed record DraftContent(string? Body, IReadOnlyList<WarehouseLineRef>? WarehouseLines = null);
