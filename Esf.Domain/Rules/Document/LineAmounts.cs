namespace Esf.Domain.Rules.Document;

/// <summary>The amounts of one goods line the arithmetic formulas read: G6, G7, G8, G10, G11, G12, G13, G14.</summary>
public readonly record struct LineAmounts(
    decimal? Quantity, decimal? UnitPrice, decimal? PriceWithoutTax, decimal? ExciseAmount, decimal? TurnoverSize, int? NdsRate,
    decimal? NdsAmount, decimal? PriceWithTax);
