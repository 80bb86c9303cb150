using Esf.Domain.Invoices;
using Esf.Domain.Rules.Document;
using Esf.Infrastructure.Invoices;

namespace Esf.Api.Rest.Invoices;

/// <summary>
/// The body of revoke, unrevoke, decline and delete: the reason (not for delete), and the Base64 RSA-SHA256 signature with
/// its certificate over the canonical text <c>id|reason</c> (or <c>id</c> for delete); see docs/lifecycle.md.
/// </summary>
public sealed record SignedStatusChangeBody(string? Reason, string? Signature, string? Certificate);

/// <summary>An invoice's short form after a status operation (InvoiceSummary).</summary>
public sealed record InvoiceSummaryView(
    long Id, string Status, string Num, DateOnly? Date, string? RegistrationNumber, string? CancelReason, DateTimeOffset LastUpdateDate)
{
    public static InvoiceSummaryView From(InvoiceSummaryRecord s) =>
        new(s.InvoiceId, s.Status.ToWire(), s.Num, BodyFacts.ParseDate(s.Date), s.RegistrationNumber, s.CancelReason, s.LastUpdateDate);
}
