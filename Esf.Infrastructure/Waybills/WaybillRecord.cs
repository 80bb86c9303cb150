namespace Esf.Infrastructure.Waybills;

/// <summary>A stored waybill as the session's enterprise may read it (<see cref="WaybillQueries"/>).</summary>
public sealed class WaybillRecord
{
    public long WaybillId { get; init; }

    /// <summary>The 42-digit registration number; null until registered (and for a FAILED waybill).</summary>
    public string? RegistrationNumber { get; init; }

    /// <summary>The wire name of its <see cref="Domain.Waybills.WaybillStatus"/>.</summary>
    public required string Status { get; init; }

    public required string Num { get; init; }

    /// <summary>The date of the waybill as written in the body (dd.MM.yyyy).</summary>
    public required string DateText { get; init; }

    /// <summary>PRIMARY_SNT, FIXED_SNT or RETURNED_SNT.</summary>
    public required string WaybillType { get; init; }

    /// <summary>The waybill a corrected waybill corrects or a return returns, once registered.</summary>
    public long? RelatedWaybillId { get; init; }

    public string? RelatedRegistrationNumber { get; init; }

    public required string SellerTin { get; init; }

    public string? CustomerTin { get; init; }

    /// <summary>The body exactly as signed.</summary>
    public required string Body { get; init; }

    /// <summary>The reason of a decline or revocation, or the first error code of a FAILED waybill.</summary>
    public string? CancelReason { get; init; }

    public DateOnly? DeclinedOn { get; init; }

    public DateTime InputDate { get; init; }

    public DateTime LastUpdateDate { get; init; }
}

/// <summary>One status change of a waybill.</summary>
public sealed record WaybillHistoryRecord(long WaybillId, string? FromStatus, string ToStatus, DateTimeOffset ChangedAt, string Actor, string? Tin, string? Reason);
