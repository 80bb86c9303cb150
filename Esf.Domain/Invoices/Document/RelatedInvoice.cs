namespace Esf.Domain.Invoices.Document;

/// <summary>The original a corrected or additional invoice refers to (A 4.1/4.2, A 5.1–5.3).</summary>
public sealed class RelatedInvoice
{
    public string? Date { get; set; }
    public string? Num { get; set; }
    public string? RegistrationNumber { get; set; }
}
