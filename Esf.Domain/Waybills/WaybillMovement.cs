namespace Esf.Domain.Waybills;

/// <summary>Whether the goods cross the border of Kazakhstan, and how (the six types of docs/snt.md are <see cref="WaybillType"/> × this).</summary>
public enum WaybillMovement
{
    /// <summary>Inside Kazakhstan.</summary>
    Domestic,
    /// <summary>«СНТ на импорт».</summary>
    Import,
    /// <summary>«СНТ на временный ввоз».</summary>
    TemporaryImport,
    /// <summary>«СНТ на экспорт» (field 8 «Вывоз товаров с территории РК»: 8.1 Экспорт).</summary>
    Export,
}
