namespace Esf.Domain.Waybills.Document;

/// <summary>The currency (50 Код валюты, 51 Курс валюты) and the goods lines of sections G1–G10.</summary>
public sealed class WaybillProductSet
{
    public string? CurrencyCode { get; set; }
    public decimal? CurrencyRate { get; set; }
    public List<WaybillProduct> Products { get; set; } = [];
}
