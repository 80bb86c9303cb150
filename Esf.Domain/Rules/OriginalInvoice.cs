using Esf.Domain.Invoices.Document;

namespace Esf.Domain.Rules;

/// <summary>The registered invoice a corrected or additional invoice refers to (relatedInvoice), as the rules need it.</summary>
public sealed record OriginalInvoice(
    long InvoiceId, string Status, string InvoiceType, string SellerTin, string? CustomerTin, string Num, DateOnly Date, decimal? TotalPriceWithTax)
{
    /// <summary>The original's body, for the field-by-field comparison of an additional invoice (ADD-03); null when not loaded.</summary>
    public InvoiceBody? Body { get; init; }

    /// <summary>The sum of the G14 totals of the additional invoices already registered against this original (ADD-09).</summary>
    public decimal EarlierAdditionalsTotal { get; init; }

    /// <summary>Why the stored body of the original (or of one of its additional invoices) cannot be read; null when it can.</summary>
    public string? Unreadable { get; init; }
}
