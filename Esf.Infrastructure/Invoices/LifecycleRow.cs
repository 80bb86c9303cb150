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
    public string SenderTin { get; init; } = "";
    public string? CancelReason { get; init; }
    public string? RegistrationNumber { get; init; }
    public DateTime LastUpdateDate { get; init; }
    public DateTime? RevokedAt { get; init; }

    public InvoiceRole RoleOf(string tin) =>
        (SellerTin == tin || SenderTin == tin ? InvoiceRole.Seller : InvoiceRole.None) | (CustomerTin == tin ? InvoiceRole.Customer : InvoiceRole.None);

    public LifecycleFacts Facts() => new(
        InvoiceStatusNames.Parse(Status), ParseType(InvoiceType), DateOnly.FromDateTime(InvoiceDate),
        RevokedAt is { } revoked ? DateOnly.FromDateTime(KazakhstanTime.Of(Utc(revoked)).DateTime) : null);

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
