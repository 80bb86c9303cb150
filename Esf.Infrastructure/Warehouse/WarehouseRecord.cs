namespace Esf.Infrastructure.Warehouse;

/// <summary>A virtual warehouse (склад ВС) of a taxpayer, as stored; <see cref="Kind"/> is a code of <c>WarehouseNames.Kinds</c>.</summary>
public sealed record WarehouseRecord(
    long WarehouseId, string Tin, string Name, long? ParentId, string Location, string Kind, string ResponsibleTin, bool Inheritable,
    bool IsDefault, DateTime CreatedAt);
