using Esf.Domain.Invoices;

namespace Esf.Infrastructure.Invoices;

/// <summary>An <c>invoices</c> row as Dapper reads it (snake_case columns matched by name).</summary>
internal sealed class InvoiceRow
{
    public long InvoiceId { get; init; }
    public string? RegistrationNumber { get; init; }
    public string Status { get; init; } = "";
    public string Num { get; init; } = "";
    public string DateText { get; init; } = "";
    public DateOnly? TurnoverDate { get; init; }
    public string InvoiceType { get; init; } = "";
    public string SellerTin { get; init; } = "";
    public string? CustomerTin { get; init; }
    public string Body { get; init; } = "";
    public string Signature { get; init; } = "";
    public string SignatureType { get; init; } = "";
    public bool? SignatureValid { get; init; }
    /// <summary>The row of <c>certificates</c> the invoice names (ADR 0048).</summary>
    public long CertificateId { get; init; }

    /// <summary>The certificate's text, filled after the read by <see cref="CertificateRows.FillAsync"/>: once per distinct id.</summary>
    public string Certificate { get; set; } = "";
    public string Version { get; init; } = "";
    public string Hash { get; init; } = "";
    public DateTime InputDate { get; init; }
    public DateTime? DeliveryDate { get; init; }
    public DateTime LastUpdateDate { get; init; }
    public string? CancelReason { get; init; }
    public string? Kogd { get; init; }

    public InvoiceRecord ToRecord() => new()
    {
        InvoiceId = InvoiceId,
        RegistrationNumber = RegistrationNumber,
        Status = InvoiceStatusNames.Parse(Status),
        Num = Num,
        DateText = DateText,
        TurnoverDate = TurnoverDate,
        InvoiceType = InvoiceType,
        SellerTin = SellerTin,
        CustomerTin = CustomerTin,
        Body = Body,
        Signature = Signature,
        SignatureType = SignatureType,
        SignatureValid = SignatureValid,
        Certificate = Certificate,
        Version = Version,
        Hash = Hash,
        InputDate = Utc(InputDate),
        DeliveryDate = DeliveryDate is { } delivered ? Utc(delivered) : null,
        LastUpdateDate = Utc(LastUpdateDate),
        CancelReason = CancelReason,
        Kogd = Kogd,
    };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
