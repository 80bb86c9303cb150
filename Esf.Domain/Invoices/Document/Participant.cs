namespace Esf.Domain.Invoices.Document;

/// <summary>A joint-activity or PSA participant of section H with its shares of the product lines.</summary>
public sealed class Participant
{
    public List<ProductShare> ProductShares { get; set; } = [];
    public string? ReorganizedTin { get; set; }
    public string? Tin { get; set; }
}
