namespace Esf.Domain.Lifecycle;

/// <summary>An attempt to move a document (an invoice, a waybill) along a transition its lifecycle does not have.</summary>
/// <param name="document">The document as the message names it, e.g. "An invoice".</param>
/// <param name="from">The wire name of the current status.</param>
/// <param name="to">The wire name of the refused target.</param>
public sealed class InvalidStatusTransitionException(string document, string from, string to)
    : InvalidOperationException($"{document} cannot move from {from} to {to}.")
{
    public string From { get; } = from;

    public string To { get; } = to;
}
