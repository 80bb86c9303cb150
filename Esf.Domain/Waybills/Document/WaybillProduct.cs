namespace Esf.Domain.Waybills.Document;

/// <summary>
/// One goods line of a waybill. The СНТ has ten goods sections (G1–G10) with their own sub-field numbers (spec-snt §6); the
/// format keeps one line shape and names the section, so <c>Gn.1</c> becomes <see cref="Section"/>/<see cref="Position"/>.
/// </summary>
public sealed class WaybillProduct
{
    /// <summary>The goods section of the СНТ, 1–10 (G1…G10); it fixes the allowed units (spec-snt §7).</summary>
    public int? Section { get; set; }

    /// <summary>The position within the section (Gn.1); invoice G1 is «section/position», e.g. «2/1».</summary>
    public int? Position { get; set; }

    /// <summary>Признак происхождения товара, 1–5 (Gn.2); 6 (works, services) is not a good.</summary>
    public string? TruOriginCode { get; set; }

    /// <summary>Наименование товара (Gn.3/.4).</summary>
    public string? Name { get; set; }

    /// <summary>Наименование товара по Декларации на товары (ours: stands in for the virtual warehouse's data of invoice G3/1).</summary>
    public string? TnvedName { get; set; }

    /// <summary>Код ТН ВЭД ЕАЭС (Gn.4/.5/.7).</summary>
    public string? TnvedCode { get; set; }

    /// <summary>Единица измерения (G1.5, G10.8, or the section's code, spec-snt §7).</summary>
    public string? MeasureUnitCode { get; set; }

    public decimal? Quantity { get; set; }
    public decimal? UnitPrice { get; set; }
    public decimal? PriceWithoutTax { get; set; }
    public decimal? ExciseRate { get; set; }
    public decimal? ExciseAmount { get; set; }

    /// <summary>Ставка НДС, percent; null is «Без НДС».</summary>
    public int? NdsRate { get; set; }

    public decimal? NdsAmount { get; set; }
    public decimal? PriceWithTax { get; set; }

    /// <summary>№ Декларации на товары, заявления о ввозе товаров, СТ-1 или СТ-KZ (source of invoice G15).</summary>
    public string? ProductDeclaration { get; set; }

    /// <summary>Номер товарной позиции из декларации (source of invoice G16).</summary>
    public string? ProductNumberInDeclaration { get; set; }

    /// <summary>Идентификатор товара (source of invoice G17).</summary>
    public string? CatalogTruId { get; set; }

    /// <summary>Дополнительные данные (source of invoice G18).</summary>
    public string? Additional { get; set; }

    /// <summary>
    /// The goods line of the seller's virtual warehouse this line ships (its <c>goodsId</c> in «Остатки товаров»; ours, after the
    /// real API's productId): a registered waybill writes the quantity off it (docs/virtual-warehouse.md). Absent for goods outside the ВС.
    /// </summary>
    public string? ProductId { get; set; }

    /// <summary><see cref="ProductId"/> as a number; null when absent (SntV1.xsd allows only a positive long).</summary>
    public long? WarehouseGoodsId => long.TryParse(ProductId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Invoice G1 for this line: «section/position».</summary>
    public string Key => $"{Section}/{Position}";
}
