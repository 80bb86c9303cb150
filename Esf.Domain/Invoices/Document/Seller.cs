namespace Esf.Domain.Invoices.Document;

/// <summary>Реквизиты поставщика (B 6–11) with its bank details (B1 12–15, B2 12.1–15.1).</summary>
public sealed class Seller
{
    public string? Address { get; set; }
    public string? Bank { get; set; }
    public string? Bik { get; set; }
    public string? BranchTin { get; set; }
    public string? CertificateNum { get; set; }
    public string? CertificateSeries { get; set; }
    public string? CountryCode { get; set; }
    public string? Iik { get; set; }
    public bool? IsBranchNonResident { get; set; }
    public string? Kbe { get; set; }
    public string? Name { get; set; }
    public string? NdscaBank { get; set; }
    public string? NdscaBik { get; set; }
    public string? NdscaIik { get; set; }
    public string? NdscaKbe { get; set; }
    public string? ReorganizedTin { get; set; }
    public decimal? ShareParticipation { get; set; }
    /// <summary>Категории поставщика (B 10); null when the element is absent.</summary>
    public List<string>? Statuses { get; set; }
    public string? Tin { get; set; }
    public string? Trailer { get; set; }

    public bool Has(string status) => Statuses?.Contains(status) == true;
}
