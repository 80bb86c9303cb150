using Esf.Domain.Invoices;

namespace Esf.Infrastructure.Invoices;

/// <summary>A stored invoice with everything the real API's InvoiceInfo carries.</summary>
public sealed record InvoiceRecord
{
    public required long InvoiceId { get; init; }
    public string? RegistrationNumber { get; init; }
    public required InvoiceStatus Status { get; init; }
    public required string Num { get; init; }
    public required string DateText { get; init; }
    public DateOnly? TurnoverDate { get; init; }
    public required string InvoiceType { get; init; }
    public required string SellerTin { get; init; }
    public string? CustomerTin { get; init; }
    public required string Body { get; init; }
    public required string Signature { get; init; }
    public required string SignatureType { get; init; }
    public bool? SignatureValid { get; init; }
    public required string Certificate { get; init; }
    public required string Version { get; init; }
    public required string Hash { get; init; }
    public required DateTimeOffset InputDate { get; init; }
    public DateTimeOffset? DeliveryDate { get; init; }
    public required DateTimeOffset LastUpdateDate { get; init; }
    public string? CancelReason { get; init; }
    public string? Kogd { get; init; }
}
