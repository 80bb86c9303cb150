namespace Esf.Domain.Invoices;

/// <summary>
/// The customer's windows (Rules p.85–88): a corrected or additional invoice, or a revocation, may be declined within
/// 10 calendar days from its issue (<see cref="LifecycleFacts.IssuedOn"/>: never before its registration) or revocation;
/// the tenth day is the last one allowed.
/// </summary>
public static class DocumentFlowWindows
{
    public const int CalendarDays = 10;

    /// <summary>The last day a decline is allowed (DeadlineType DECLINE), or null when the invoice cannot be declined.</summary>
    public static DateOnly? DeclineDeadline(LifecycleFacts facts) =>
        facts.Type is InvoiceType.FixedInvoice or InvoiceType.AdditionalInvoice && facts.Status is InvoiceStatus.Created or InvoiceStatus.Delivered
            ? facts.IssuedOn.AddDays(CalendarDays)
            : null;

    /// <summary>The last day the customer may object to a revocation (DeadlineType UNREVOKE), or null when not revoked.</summary>
    public static DateOnly? UnrevokeDeadline(LifecycleFacts facts) =>
        facts.Status == InvoiceStatus.Revoked && facts.RevokedOn is { } revoked ? revoked.AddDays(CalendarDays) : null;
}
