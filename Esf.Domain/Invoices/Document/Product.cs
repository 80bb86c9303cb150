namespace Esf.Domain.Invoices.Document;

/// <summary>One goods/works/services line of section G.</summary>
public sealed class Product
{
    public string? Additional { get; set; }
    public string? AdditionalUnitNomenclature { get; set; }
    public string? CatalogTruId { get; set; }
    public string? Description { get; set; }
    public decimal? ExciseAmount { get; set; }
    public decimal? ExciseRate { get; set; }
    public string? GtinCode { get; set; }
    public string? KpvedCode { get; set; }
    public decimal? NdsAmount { get; set; }
    /// <summary>Ставка НДС (G 12), percent; null is «Без НДС».</summary>
    public int? NdsRate { get; set; }
    public decimal? PriceWithTax { get; set; }
    public decimal? PriceWithoutTax { get; set; }
    public string? ProductDeclaration { get; set; }
    public string? ProductNumberInDeclaration { get; set; }
    public string? ProductNumberInSnt { get; set; }
    public decimal? QuantitativeQuantity { get; set; }
    public string? QuantitativeUnitNomenclature { get; set; }
    public decimal? Quantity { get; set; }
    public string? TnvedName { get; set; }
    public string? TruOriginCode { get; set; }
    public int? TurnoverAdjustment { get; set; }
    public string? TurnoverCode { get; set; }
    public decimal? TurnoverSize { get; set; }
    /// <summary>Код ТН ВЭД ЕАЭС (G 4).</summary>
    public string? UnitCode { get; set; }
    public string? UnitNomenclature { get; set; }
    public decimal? UnitPrice { get; set; }
}
