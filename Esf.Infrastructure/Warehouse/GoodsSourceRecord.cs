namespace Esf.Infrastructure.Warehouse;

/// <summary>A stored ДТ or ФНО 328.00 position (the lists «ДТ» and «ФНО 328.00») and the warehouse it was credited to.</summary>
public sealed record GoodsSourceRecord(
    string SourceKind, string SourceNumber, int SourcePosition, string GsvsCode, string TnvedCode, string Name, string Country, decimal Price,
    decimal Quantity, string Unit, long WarehouseId, DateTime ImportedAt);
