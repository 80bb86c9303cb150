namespace Esf.Domain.Invoices;

/// <summary>
/// The statuses of an invoice the control has not decided yet: IN_QUEUE, and IN_PROCESSING on invoices an earlier version of the
/// worker took. Clients treat both as pending; the worker, the relay and the queue gauge look only at these.
/// </summary>
public static class AwaitingVerdict
{
    public static IReadOnlyList<InvoiceStatus> Statuses { get; } = [InvoiceStatus.InQueue, InvoiceStatus.InProcessing];

    public static bool IsAwaitingVerdict(this InvoiceStatus status) => status is InvoiceStatus.InQueue or InvoiceStatus.InProcessing;
}
