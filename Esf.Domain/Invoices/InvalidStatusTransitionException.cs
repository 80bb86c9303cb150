namespace Esf.Domain.Invoices;

/// <summary>An attempt to move an invoice along a transition the lifecycle does not have.</summary>
public sealed class InvalidStatusTransitionException(InvoiceStatus from, InvoiceStatus to)
    : InvalidOperationException($"An invoice cannot move from {from.ToWire()} to {to.ToWire()}.")
{
    public InvoiceStatus From { get; } = from;

    public InvoiceStatus To { get; } = to;
}
