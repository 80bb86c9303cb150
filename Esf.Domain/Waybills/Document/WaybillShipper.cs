namespace Esf.Domain.Waybills.Document;

/// <summary>The consignor (грузоотправитель, 31) or consignee (грузополучатель, 34; its country is the delivery country, 36).</summary>
public sealed class WaybillShipper
{
    public string? Tin { get; set; }
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? CountryCode { get; set; }
}
