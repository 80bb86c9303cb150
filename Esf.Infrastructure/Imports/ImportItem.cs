using Esf.Domain.Warehouse;

namespace Esf.Infrastructure.Imports;

/// <summary>One invoice to import: its unsigned XML, the signature type of its later transfer and the lines it sells through the virtual warehouse.</summary>
public sealed record ImportItem(string Body, string SignatureType, IReadOnlyList<WarehouseLineRef>? WarehouseLines = null);
