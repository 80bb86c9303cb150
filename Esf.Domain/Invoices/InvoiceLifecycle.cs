namespace Esf.Domain.Invoices;

/// <summary>
/// The transitions of the processing pipeline: queued → in processing → registered or failed.
/// Every status change goes through <see cref="EnsureCanMove"/>, so an illegal one is never silent.
/// </summary>
public static class InvoiceLifecycle
{
    private static readonly Dictionary<InvoiceStatus, InvoiceStatus[]> Allowed = new()
    {
        [InvoiceStatus.InQueue] = [InvoiceStatus.InProcessing],
        [InvoiceStatus.InProcessing] = [InvoiceStatus.Created, InvoiceStatus.Failed],
        [InvoiceStatus.Failed] = [InvoiceStatus.Deleted],
        // A registered corrected invoice annuls its original (issue 3, COR-05).
        [InvoiceStatus.Created] = [InvoiceStatus.Canceled],
        [InvoiceStatus.Delivered] = [InvoiceStatus.Canceled],
    };

    public static bool CanMove(InvoiceStatus from, InvoiceStatus to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    public static void EnsureCanMove(InvoiceStatus from, InvoiceStatus to)
    {
        if (!CanMove(from, to))
        {
            throw new InvalidStatusTransitionException(from, to);
        }
    }
}
