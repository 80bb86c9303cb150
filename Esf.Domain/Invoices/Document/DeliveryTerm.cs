namespace Esf.Domain.Invoices.Document;

/// <summary>Условия поставки (E 27–31.1).</summary>
public sealed class DeliveryTerm
{
    public string? AccountNumber { get; set; }
    public string? ContractDate { get; set; }
    public string? ContractNum { get; set; }
    public string? DeliveryConditionCode { get; set; }
    public string? Destination { get; set; }
    /// <summary>27.1 (true: по договору) / 27.2 (false: без договора).</summary>
    public bool? HasContract { get; set; }
    public string? Term { get; set; }
    public string? TransportTypeCode { get; set; }
    public string? Warrant { get; set; }
    public string? WarrantDate { get; set; }
}
