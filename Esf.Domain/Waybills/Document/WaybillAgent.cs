namespace Esf.Domain.Waybills.Document;

/// <summary>A party's attorney (поверенный, оператор): its ИИН/БИН (ours) and its document's number and date (46/47, 48/49).</summary>
public sealed class WaybillAgent
{
    public string? Tin { get; set; }
    public string? DocNum { get; set; }
    public string? DocDate { get; set; }
}
