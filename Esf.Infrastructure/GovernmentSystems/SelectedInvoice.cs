namespace Esf.Infrastructure.GovernmentSystems;

/// <summary>An invoice selected for a request, locked, with what the selection checks.</summary>
internal sealed class SelectedInvoice
{
    public long InvoiceId { get; init; }
    public string Status { get; init; } = "";
    public string SellerTin { get; init; } = "";
    public string? CustomerTin { get; init; }
}
