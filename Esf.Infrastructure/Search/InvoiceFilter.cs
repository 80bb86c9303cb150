using Esf.Domain.Invoices;
using Esf.Infrastructure.Feed;

namespace Esf.Infrastructure.Search;

/// <summary>
/// A search over the invoices the session's enterprise sees: queryInvoice's criteria and the extended-search filters of
/// Table 31 (spec-rest §3.7.2) that the stored invoice can answer. Amounts and parties not kept in columns are read from
/// the body as signed.
/// </summary>
public sealed record InvoiceFilter
{
    public InvoiceDirection? Direction { get; init; }
    public string? ContragentTin { get; init; }
    public DateOnly? DateFrom { get; init; }
    public DateOnly? DateTo { get; init; }
    public DateOnly? TurnoverDateFrom { get; init; }
    public DateOnly? TurnoverDateTo { get; init; }
    public DateTimeOffset? LastUpdateDateFrom { get; init; }
    public DateTimeOffset? LastUpdateDateTo { get; init; }
    public IReadOnlyList<InvoiceStatus> Statuses { get; init; } = [];
    public InvoiceType? InvoiceType { get; init; }
    public string? Num { get; init; }
    public string? RegistrationNumber { get; init; }

    /// <summary>Only invoices the control registered (they have a registration number): never queued, FAILED or DELETED ones.</summary>
    public bool RegisteredOnly { get; init; }
    public string? CurrencyCode { get; init; }
    public string? ConsignorTin { get; init; }
    public string? ConsigneeTin { get; init; }

    /// <summary>«Статус поставщика»: a seller category (B 10) as in the XML, e.g. <c>LESSOR</c>.</summary>
    public string? SellerStatus { get; init; }

    /// <summary>«Статус получателя»: a customer category (C 20) as in the XML, e.g. <c>PUBLIC_OFFICE</c>.</summary>
    public string? CustomerStatus { get; init; }

    /// <summary>«БИК поставщика» (field 14).</summary>
    public string? SellerBik { get; init; }

    /// <summary>«ИИК ГУ» (field 21, the state institution's account).</summary>
    public string? PublicOfficeIik { get; init; }
    public decimal? TotalWithTaxFrom { get; init; }
    public decimal? TotalWithTaxTo { get; init; }
    public decimal? TotalWithoutTaxFrom { get; init; }
    public decimal? TotalWithoutTaxTo { get; init; }
    public decimal? NdsAmountFrom { get; init; }
    public decimal? NdsAmountTo { get; init; }
    public decimal? ExciseAmountFrom { get; init; }
    public decimal? ExciseAmountTo { get; init; }
    public decimal? TurnoverSizeFrom { get; init; }
    public decimal? TurnoverSizeTo { get; init; }
}
