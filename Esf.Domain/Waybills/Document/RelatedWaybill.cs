namespace Esf.Domain.Waybills.Document;

/// <summary>The registered waybill a corrected or return waybill refers to: its 42-digit number (field 1) and date (field 2).</summary>
public sealed class RelatedWaybill
{
    public string? RegistrationNumber { get; set; }
    public string? Date { get; set; }
}
