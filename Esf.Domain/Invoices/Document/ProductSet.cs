namespace Esf.Domain.Invoices.Document;

/// <summary>Данные по товарам, работам, услугам (G) with the totals row.</summary>
public sealed class ProductSet
{
    public string? CurrencyCode { get; set; }
    public decimal? CurrencyRate { get; set; }
    /// <summary>«Без НДС – не РК» (WITHOUT_NDS_NOT_KZ) when set.</summary>
    public string? NdsRateType { get; set; }
    public List<Product> Products { get; set; } = [];
    public decimal? TotalExciseAmount { get; set; }
    public decimal? TotalNdsAmount { get; set; }
    public decimal? TotalPriceWithTax { get; set; }
    public decimal? TotalPriceWithoutTax { get; set; }
    public decimal? TotalTurnoverSize { get; set; }
}
