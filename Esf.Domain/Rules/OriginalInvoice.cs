namespace Esf.Domain.Rules;

/// <summary>The registered invoice a corrected or additional invoice refers to (relatedInvoice), as the rules need it.</summary>
public sealed record OriginalInvoice(
    long InvoiceId, string Status, string InvoiceType, string SellerTin, string? CustomerTin, string Num, DateOnly Date, decimal? TotalPriceWithTax);
