namespace Esf.Domain.Invoices;

/// <summary>What the operations decide on: the invoice's status, kind and dates (calendar days in Kazakhstan time).</summary>
/// <param name="InvoiceDate">The issue date («дата выписки», field 2), as the seller wrote it.</param>
/// <param name="RevokedOn">The day of the last revocation, which opens the unrevoke window.</param>
/// <param name="RegisteredOn">The day the server registered the invoice; null when unknown (then the issue date alone counts).</param>
public sealed record LifecycleFacts(InvoiceStatus Status, InvoiceType Type, DateOnly InvoiceDate, DateOnly? RevokedOn, DateOnly? RegisteredOn = null)
{
    /// <summary>
    /// The day the decline window opens: the later of the issue date and the registration day. The Rules count «со дня выписки»,
    /// and in the real ESF the issue date is the day of registration; here a seller may write an earlier date, which must
    /// not shorten the customer's window (security review M5).
    /// </summary>
    public DateOnly IssuedOn => RegisteredOn is { } registered && registered > InvoiceDate ? registered : InvoiceDate;
}
