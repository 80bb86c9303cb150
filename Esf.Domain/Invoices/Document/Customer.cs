namespace Esf.Domain.Invoices.Document;

/// <summary>Реквизиты получателя (C 16–20).</summary>
public sealed class Customer
{
    public string? Address { get; set; }
    public string? BranchTin { get; set; }
    public string? CountryCode { get; set; }
    public string? Name { get; set; }
    public string? ReorganizedTin { get; set; }
    public decimal? ShareParticipation { get; set; }
    /// <summary>Категории получателя (C 20); null when the element is absent.</summary>
    public List<string>? Statuses { get; set; }
    public string? Tin { get; set; }
    public string? Trailer { get; set; }

    public bool Has(string status) => Statuses?.Contains(status) == true;
}
