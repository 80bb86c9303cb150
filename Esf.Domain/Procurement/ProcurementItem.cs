namespace Esf.Domain.Procurement;

/// <summary>
/// One line of an act or contract, as it goes into section G of the invoice: description (G3), unit (G5), quantity (G6, «Кол-во
/// (объем)»), price without indirect taxes (G7) and cost with them (G14).
/// </summary>
public sealed record ProcurementItem(string Description, string? UnitCode, decimal Quantity, decimal PriceWithoutTax, decimal PriceWithTax);
