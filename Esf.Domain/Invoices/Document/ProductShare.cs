namespace Esf.Domain.Invoices.Document;

/// <summary>A participant's share of one product line (H).</summary>
public sealed class ProductShare
{
    public string? Additional { get; set; }
    public string? AdditionalUnitNomenclature { get; set; }
    public decimal? ExciseAmount { get; set; }
    public decimal? NdsAmount { get; set; }
    public int? NdsRate { get; set; }
    public decimal? PriceWithTax { get; set; }
    public decimal? PriceWithoutTax { get; set; }
    public int? ProductNumber { get; set; }
    public string? ProductNumberInSnt { get; set; }
    public decimal? QuantitativeQuantity { get; set; }
    public decimal? Quantity { get; set; }
    public decimal? TurnoverSize { get; set; }
}
