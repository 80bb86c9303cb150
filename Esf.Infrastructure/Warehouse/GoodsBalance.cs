namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// One line of the journal «Остатки товаров» (spec-rest §2.4): its 10 columns, the unit, and the goods line's id which
/// write-offs, transfers and invoices name.
/// </summary>
public sealed record GoodsBalance(
    long GoodsId, long WarehouseId, string GsvsCode, string TnvedCode, string SourceKind, string SourceNumber, int? SourcePosition,
    string SourceName, string Country, string? PhysicalMark, decimal Price, string? GsvsName, decimal Quantity, string Unit);
