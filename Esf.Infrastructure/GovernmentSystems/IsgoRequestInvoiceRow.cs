namespace Esf.Infrastructure.GovernmentSystems;

/// <summary>One invoice inside a request: its status now and before the request, and its own outcome (statuses 7–10 per invoice).</summary>
public sealed class IsgoRequestInvoiceRow
{
    public long InvoiceId { get; init; }
    public string? RegistrationNumber { get; init; }
    public string InvoiceStatus { get; init; } = "";
    public string PreviousStatus { get; init; } = "";
    public string Outcome { get; init; } = "";
}
