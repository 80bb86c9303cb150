namespace Esf.Domain.Invoices.Document;

/// <summary>Грузополучатель (D 26).</summary>
public sealed class Consignee
{
    public string? Address { get; set; }
    public string? CountryCode { get; set; }
    public string? Name { get; set; }
    public string? Tin { get; set; }
}
