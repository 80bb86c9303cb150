using Esf.Domain.Warehouse;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// The fields of the form «Создание виртуального склада» (spec-rest §2.3), checked: a name and a location, a type, the
/// responsible person's 12-digit ИИН/БИН («Ответственное за склад лицо»), an optional parent and the inheritance flag.
/// </summary>
public sealed record WarehouseDraft(string Name, long? ParentId, string Location, WarehouseKind Kind, string ResponsibleTin, bool Inheritable);
