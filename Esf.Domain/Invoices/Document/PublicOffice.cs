namespace Esf.Domain.Invoices.Document;

/// <summary>Реквизиты государственного учреждения (C1 21–24).</summary>
public sealed class PublicOffice
{
    public string? Bik { get; set; }
    public string? Iik { get; set; }
    public string? PayPurpose { get; set; }
    public string? ProductCode { get; set; }
}
