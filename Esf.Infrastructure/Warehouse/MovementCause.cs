namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// The document that caused a movement: its kind (<see cref="MovementCauses"/>) and a reference unique within that kind
/// (a ДТ line, a form line, an invoice line, a transfer). One cause moves a goods line once per direction.
/// </summary>
/// <param name="InvoiceId">The invoice that moved the goods (sale or return), so that its return finds what moved.</param>
public sealed record MovementCause(string Kind, string Ref, long? InvoiceId = null);
