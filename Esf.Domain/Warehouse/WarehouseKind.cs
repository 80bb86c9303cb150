namespace Esf.Domain.Warehouse;

/// <summary>
/// «Тип склада» of a virtual warehouse. The seeds show only these two values in the journal «Склады» (spec-rest §2.3); the
/// full list is not given, so no other is accepted.
/// </summary>
public enum WarehouseKind
{
    /// <summary>«Склад».</summary>
    Warehouse = 1,
    /// <summary>«Точка продаж».</summary>
    SalesPoint = 2,
}
