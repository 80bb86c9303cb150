namespace Esf.Domain.Invoices.Document;

/// <summary>Грузоотправитель (D 25).</summary>
public sealed class Consignor
{
    public string? Address { get; set; }
    public string? Name { get; set; }
    public string? Tin { get; set; }
}
