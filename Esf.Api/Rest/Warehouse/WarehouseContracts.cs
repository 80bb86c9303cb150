using Esf.Domain.Warehouse;
using Esf.Infrastructure.Warehouse;

namespace Esf.Api.Rest.Warehouse;

/// <summary>
/// The form «Создание виртуального склада»: name, optional parent, location, type (<c>WAREHOUSE</c> «Склад» or
/// <c>SALES_POINT</c> «Точка продаж»), the responsible person's 12-digit ИИН/БИН and the inheritance flag.
/// </summary>
public sealed record WarehouseBody(string? Name, long? ParentId, string? Location, string? Type, string? ResponsibleTin, bool Inheritable = false);

/// <summary>A warehouse as the journal «Склады» shows it, with its type's Russian label.</summary>
public sealed record WarehouseView(
    long Id, string Name, long? ParentId, string Location, string Type, string TypeLabel, string ResponsibleTin, bool Inheritable, bool IsDefault)
{
    public static WarehouseView From(WarehouseRecord w) => new(w.WarehouseId, w.Name, w.ParentId, w.Location, w.Kind,
        WarehouseKindNames.TryParse(w.Kind, out var kind) ? WarehouseKindNames.Label(kind) : w.Kind, w.ResponsibleTin, w.Inheritable, w.IsDefault);
}

/// <summary>Moving goods to another warehouse of the enterprise: the goods line, the target warehouse and the quantity.</summary>
public sealed record TransferBody(long? GoodsId, long? ToWarehouseId, decimal? Quantity);
