namespace Esf.Domain.Invoices;

/// <summary>
/// The answer to one operation on one invoice: the status it moves to, or the errorCode and reason it does not
/// (TryChangeStatusResponse's changeStatusResult carries both).
/// </summary>
public sealed record LifecycleDecision(InvoiceStatus From, InvoiceStatus To, string? ErrorCode, string? Reason)
{
    public bool Allowed => ErrorCode is null;

    public static LifecycleDecision Move(InvoiceStatus from, InvoiceStatus to) => new(from, to, null, null);

    public static LifecycleDecision Refuse(InvoiceStatus from, InvoiceStatus to, string errorCode, string reason) => new(from, to, errorCode, reason);
}
