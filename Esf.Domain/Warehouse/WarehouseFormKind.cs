namespace Esf.Domain.Warehouse;

/// <summary>
/// «Тип формы» of the journal «Журнал Форм» (spec-rest §2.5). The seeds name «Остатки» (Rules p.93), «Производство» (p.94) and
/// «Реорганизация» (the journal's example) and speak of receipt and write-off forms without naming the latter: the write-off
/// form «Списание» is ours.
/// </summary>
public enum WarehouseFormKind
{
    /// <summary>«Остатки»: goods already held enter the warehouse (receipt).</summary>
    Remains = 1,
    /// <summary>«Производство»: goods produced in Kazakhstan enter the warehouse (receipt, country KZ, source СТ-KZ).</summary>
    Production = 2,
    /// <summary>«Реорганизация»: goods pass from the reorganized taxpayer to its successor's default warehouse.</summary>
    Reorganization = 3,
    /// <summary>«Списание»: goods leave the warehouse (ours).</summary>
    WriteOff = 4,
}
