using Esf.Api.Rest.Problems;
using Esf.Domain.Invoices;
using Esf.Infrastructure;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Feed;
using Esf.Infrastructure.Search;

namespace Esf.Api.Rest.Invoices;

/// <summary>
/// The query string of GET /api/v1/invoices and GET /api/v1/exports: the main filters of Table 30 (period, direction, sort,
/// asc) and the extended-search filters of Table 31 the gateway can answer. The period is required, spans at most a quarter
/// and does not end after today. Dates are text read by <see cref="RequestDates"/>: dd.MM.yyyy or yyyy-MM-dd (ADR 0006).
/// </summary>
public sealed record InvoiceSearchQuery(
    string? DateFrom,
    string? DateTo,
    string? Direction,
    string? ContragentTin,
    string? TurnoverDateFrom,
    string? TurnoverDateTo,
    string? LastUpdateDateFrom,
    string? LastUpdateDateTo,
    string[]? Status,
    string? InvoiceType,
    string? Num,
    string? RegistrationNumber,
    string? CurrencyCode,
    string? ConsignorTin,
    string? ConsigneeTin,
    string? SellerStatus,
    string? CustomerStatus,
    string? SellerBik,
    string? PublicOfficeIik,
    decimal? TotalWithTaxFrom,
    decimal? TotalWithTaxTo,
    decimal? TotalWithoutTaxFrom,
    decimal? TotalWithoutTaxTo,
    decimal? NdsAmountFrom,
    decimal? NdsAmountTo,
    decimal? ExciseAmountFrom,
    decimal? ExciseAmountTo,
    decimal? TurnoverSizeFrom,
    decimal? TurnoverSizeTo,
    string? Sort,
    bool? Asc,
    string? Cursor)
{
    public InvoiceSort SortBy => InvoiceSortNames.Parse(Sort);

    public bool Ascending => Asc ?? false;

    public SearchCursor? After => SearchCursor.Decode(Cursor);

    /// <summary>The filter, checked against the period rules with today's date by <paramref name="clock"/> (Kazakhstan time).</summary>
    public InvoiceFilter ToFilter(TimeProvider clock)
    {
        var filter = new InvoiceFilter
        {
            Direction = Direction is null ? null : DirectionFilter.Parse(Direction.ToUpperInvariant()),
            ContragentTin = ContragentTin,
            DateFrom = RequestDates.Day(DateFrom, "dateFrom"),
            DateTo = RequestDates.Day(DateTo, "dateTo"),
            TurnoverDateFrom = RequestDates.Day(TurnoverDateFrom, "turnoverDateFrom"),
            TurnoverDateTo = RequestDates.Day(TurnoverDateTo, "turnoverDateTo"),
            LastUpdateDateFrom = RequestDates.Instant(LastUpdateDateFrom, "lastUpdateDateFrom"),
            LastUpdateDateTo = RequestDates.Instant(LastUpdateDateTo, "lastUpdateDateTo"),
            Statuses = [.. (Status ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(ParseStatus)],
            InvoiceType = InvoiceType is null ? null : ParseType(InvoiceType),
            Num = Num,
            RegistrationNumber = RegistrationNumber,
            CurrencyCode = CurrencyCode,
            ConsignorTin = ConsignorTin,
            ConsigneeTin = ConsigneeTin,
            SellerStatus = SellerStatus?.Trim().ToUpperInvariant(),
            CustomerStatus = CustomerStatus?.Trim().ToUpperInvariant(),
            SellerBik = SellerBik?.Trim(),
            PublicOfficeIik = PublicOfficeIik?.Trim(),
            TotalWithTaxFrom = TotalWithTaxFrom,
            TotalWithTaxTo = TotalWithTaxTo,
            TotalWithoutTaxFrom = TotalWithoutTaxFrom,
            TotalWithoutTaxTo = TotalWithoutTaxTo,
            NdsAmountFrom = NdsAmountFrom,
            NdsAmountTo = NdsAmountTo,
            ExciseAmountFrom = ExciseAmountFrom,
            ExciseAmountTo = ExciseAmountTo,
            TurnoverSizeFrom = TurnoverSizeFrom,
            TurnoverSizeTo = TurnoverSizeTo,
        };
        PeriodLimit.Check(filter);
        PeriodLimit.CheckNotAfter(filter, KazakhstanTime.Today(clock));
        return filter;
    }

    private static InvoiceStatus ParseStatus(string wire) => InvoiceStatusNames.TryParse(wire.Trim().ToUpperInvariant(), out var status)
        ? status
        : throw EsfException.InvalidInput($"status «{wire}» is not an invoice status.");

    private static InvoiceType ParseType(string wire) => wire.Trim().ToUpperInvariant() switch
    {
        "ORDINARY_INVOICE" => Domain.Invoices.InvoiceType.OrdinaryInvoice,
        "FIXED_INVOICE" => Domain.Invoices.InvoiceType.FixedInvoice,
        "ADDITIONAL_INVOICE" => Domain.Invoices.InvoiceType.AdditionalInvoice,
        _ => throw EsfException.InvalidInput($"invoiceType «{wire}» is not ORDINARY_INVOICE, FIXED_INVOICE or ADDITIONAL_INVOICE."),
    };
}
