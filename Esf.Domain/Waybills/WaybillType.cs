namespace Esf.Domain.Waybills;

/// <summary>Вид СНТ (spec-snt §1.3). Import, temporary import and export are the movement across the border (<see cref="WaybillMovement"/>).</summary>
public enum WaybillType
{
    /// <summary>«Первичная».</summary>
    Primary,
    /// <summary>«Исправленная»: replaces a primary waybill.</summary>
    Corrected,
    /// <summary>«СНТ на возврат»: the buyer returns goods of a waybill; the sides of the original deal are swapped.</summary>
    Return,
}
