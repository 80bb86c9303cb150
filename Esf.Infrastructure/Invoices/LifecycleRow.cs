using Esf.Domain.Invoices;

namespace Esf.Infrastructure.Invoices;

/// <summary>What a status operation reads of an invoice (locked), as Dapper maps it.</summary>
internal sealed class LifecycleRow
{
    public long InvoiceId { get; init; }
    public string Status { get; init; } = "";
    public string InvoiceType { get; init; } = "";
    public DateTime InvoiceDate { get; init; }
    public string DateText { get; init; } = "";
    public string Num { get; init; } = "";
    public string SellerTin { get; init; } = "";
    public string? CustomerTin { get; init; }
    public string? CancelReason { get; init; }
    public string? RegistrationNumber { get; init; }
    public DateTime LastUpdateDate { get; init; }
    public DateTime? RevokedAt { get; init; }

    /// <summary>The invoice names lines of the virtual warehouse, so its status changes move goods (read with the row: no extra query).</summary>
    public bool MovesGoods { get; init; }

    /// <summary>The acting user holds a power of attorney of the seller valid today (read with the row).</summary>
    public bool ActsForSeller { get; init; }

    /// <summary>
    /// The seller's side is the seller's enterprise or a holder of its power of attorney, never merely whoever sent the invoice
    /// (security review H2): an attorney whose power ended, or a colleague of the attorney, is no seller.
    /// </summary>
    public InvoiceRole RoleOf(string tin) =>
        (SellerTin == tin || ActsForSeller ? InvoiceRole.Seller : InvoiceRole.None) | (CustomerTin == tin ? InvoiceRole.Customer : InvoiceRole.None);

    public LifecycleFacts Facts() => new(
        InvoiceStatusNames.Parse(Status), ParseType(InvoiceType), DateOnly.FromDateTime(InvoiceDate),
        RevokedAt is { } revoked ? DateOnly.FromDateTime(KazakhstanTime.Of(Utc(revoked)).DateTime) : null,
        Domain.Invoices.RegistrationNumber.DayOf(RegistrationNumber));

    public InvoiceSummaryRecord Summary(InvoiceStatus status, DateTimeOffset lastUpdate) =>
        new(InvoiceId, DateText, status, Num, CancelReason, RegistrationNumber, lastUpdate);

    public InvoiceSummaryRecord Summary() => Summary(InvoiceStatusNames.Parse(Status), Utc(LastUpdateDate));

    public static InvoiceType ParseType(string wire) => wire switch
    {
        "FIXED_INVOICE" => Domain.Invoices.InvoiceType.FixedInvoice,
        "ADDITIONAL_INVOICE" => Domain.Invoices.InvoiceType.AdditionalInvoice,
        _ => Domain.Invoices.InvoiceType.OrdinaryInvoice,
    };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
