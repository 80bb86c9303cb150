using Esf.Domain.Rules;
using Esf.Domain.Rules.Document;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Waybills;

namespace Esf.Api.Rest.Waybills;

/// <summary>One waybill to upload: the SntV1 body exactly as signed, its format version ("SntV1"), the Base64 signature and who signed.</summary>
public sealed record UploadWaybillItem(string Body, string Version, string Signature, string SignatureType);

/// <summary>An upload of waybills signed with one certificate (Base64 DER or PEM).</summary>
public sealed record UploadWaybillsBody(string Certificate, IReadOnlyList<UploadWaybillItem> Waybills)
{
    /// <summary>A missing field of an item is passed on empty, and the upload checks decline that waybill with the rule it breaks.</summary>
    public UploadBatch ToBatch()
    {
        if (Waybills is null || Waybills.Count == 0)
        {
            throw EsfException.InvalidInput("The upload must carry at least one waybill in 'waybills'.");
        }

        return new UploadBatch(
            [.. Waybills.Select(w => new UploadItem(w?.Body ?? "", w?.Version ?? "", w?.Signature ?? "", w?.SignatureType ?? ""))], Certificate ?? "");
    }
}

/// <summary>A stored waybill; the errors of the control once FAILED. Dates are ISO like every date of the JSON API (ADR 0006).</summary>
public sealed record WaybillView(
    long Id, string? RegistrationNumber, string Status, string Num, DateOnly? Date, string Type, long? RelatedWaybillId, string? RelatedRegistrationNumber,
    string SellerTin, string? CustomerTin, string? CancelReason, DateOnly? DeclinedOn, DateTimeOffset InputDate, DateTimeOffset LastUpdateDate,
    string Body, IReadOnlyList<RuleViolation> Errors)
{
    public static WaybillView From(WaybillRecord r, IReadOnlyList<RuleViolation> errors) => new(
        r.WaybillId, r.RegistrationNumber, r.Status, r.Num, BodyFacts.ParseDate(r.DateText), r.WaybillType, r.RelatedWaybillId, r.RelatedRegistrationNumber,
        r.SellerTin, r.CustomerTin, r.CancelReason, r.DeclinedOn, Utc(r.InputDate), Utc(r.LastUpdateDate),
        r.Body, errors);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>What to poll after an upload: the status, the 42-digit registration number once registered, the errors once FAILED.</summary>
public sealed record WaybillStatusView(long Id, string Status, string? RegistrationNumber, IReadOnlyList<RuleViolation> Errors);

/// <summary>One status change of a waybill.</summary>
public sealed record WaybillHistoryEntry(string? FromStatus, string Status, DateTimeOffset DateTime, string UserId, string? Tin, string? Reason)
{
    public static WaybillHistoryEntry From(WaybillHistoryRecord h) => new(h.FromStatus, h.ToStatus, h.ChangedAt, h.Actor, h.Tin, h.Reason);
}

/// <summary>A page of the waybill search; pass <c>next</c> as <c>after</c> for the next page.</summary>
public sealed record WaybillSearchPage(IReadOnlyList<WaybillView> Waybills, long? Next);

/// <summary>
/// The body of receive, confirm, decline, revoke and confirm-by-ogd: the reason (required to decline or revoke, refused with a
/// confirmation) and the Base64 signature with its certificate over the id list <c>id|reason</c> (always for a decline or
/// revocation, with an empty reason when none is sent), or <c>id</c> for the others, as for invoices.
/// </summary>
public sealed record SignedWaybillChangeBody(string? Reason, string? Signature, string? Certificate);

/// <summary>A waybill after an operation: its id and new status.</summary>
public sealed record WaybillChangeView(long Id, string Status);
