namespace Esf.Domain.Invoices;

/// <summary>
/// Who may do which operation on which invoice, and when (esf-api-facts §7.9–7.11, Rules p.85–88). The target status and the
/// order of the checks are fixed: role, then kind, then status (through <see cref="InvoiceLifecycle"/>), then the window.
/// </summary>
public static class DocumentFlow
{
    public const string AccessDenied = "ACCESS_DENIED";
    public const string WrongType = "WRONG_TYPE";
    public const string WrongStatus = "WRONG_STATUS";
    public const string WindowClosed = "WRONG_DATE";

    public static InvoiceStatus TargetOf(LifecycleOperation operation) => operation switch
    {
        LifecycleOperation.Confirm or LifecycleOperation.Unrevoke => InvoiceStatus.Delivered,
        LifecycleOperation.Revoke => InvoiceStatus.Revoked,
        LifecycleOperation.Decline => InvoiceStatus.Declined,
        LifecycleOperation.Delete => InvoiceStatus.Deleted,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    /// <summary>
    /// The statuses an operation starts from. The lifecycle table alone is not enough: CREATED → DELIVERED is a confirmation,
    /// never an unrevoke, and REVOKED → DELIVERED is an unrevoke, never a confirmation.
    /// </summary>
    public static IReadOnlyList<InvoiceStatus> SourcesOf(LifecycleOperation operation) => operation switch
    {
        LifecycleOperation.Confirm => [InvoiceStatus.Created],
        LifecycleOperation.Revoke or LifecycleOperation.Decline => [InvoiceStatus.Created, InvoiceStatus.Delivered],
        LifecycleOperation.Unrevoke => [InvoiceStatus.Revoked],
        // An IMPORTED invoice, never sent to the customer, is deleted like a FAILED one (ADR 0035).
        LifecycleOperation.Delete => [InvoiceStatus.Failed, InvoiceStatus.Imported],
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    public static InvoiceRole RequiredRole(LifecycleOperation operation) =>
        operation is LifecycleOperation.Revoke or LifecycleOperation.Delete ? InvoiceRole.Seller : InvoiceRole.Customer;

    /// <param name="today">Today in Kazakhstan time.</param>
    public static LifecycleDecision Decide(LifecycleOperation operation, LifecycleFacts facts, InvoiceRole role, DateOnly today)
    {
        var to = TargetOf(operation);
        var from = facts.Status;
        var required = RequiredRole(operation);
        if (!role.HasFlag(required))
        {
            return LifecycleDecision.Refuse(from, to, AccessDenied,
                $"Only the {required.ToString().ToLowerInvariant()} may {operation.ToString().ToLowerInvariant()} an invoice.");
        }

        if (operation == LifecycleOperation.Revoke && facts.Type != InvoiceType.OrdinaryInvoice)
        {
            return LifecycleDecision.Refuse(from, to, WrongType, "Операция разрешена только для ЭСФ с типом ORDINARY_INVOICE.");
        }

        if (operation == LifecycleOperation.Decline && facts.Type == InvoiceType.OrdinaryInvoice)
        {
            return LifecycleDecision.Refuse(from, to, WrongType, "Операция разрешена только для ЭСФ с типом FIXED_INVOICE и ADDITIONAL_INVOICE.");
        }

        if (!SourcesOf(operation).Contains(from) || !InvoiceLifecycle.CanMove(from, to))
        {
            return LifecycleDecision.Refuse(from, to, WrongStatus,
                $"{operation}: {InvoiceLifecycle.Table.Refusal(from, to).Message}");
        }

        var deadline = operation switch
        {
            LifecycleOperation.Decline => DocumentFlowWindows.DeclineDeadline(facts),
            LifecycleOperation.Unrevoke => DocumentFlowWindows.UnrevokeDeadline(facts),
            _ => null,
        };
        return deadline is { } last && today > last
            ? LifecycleDecision.Refuse(from, to, WindowClosed,
                $"The {DocumentFlowWindows.CalendarDays}-day window to {operation.ToString().ToLowerInvariant()} closed on {last:dd.MM.yyyy}.")
            : LifecycleDecision.Move(from, to);
    }
}
