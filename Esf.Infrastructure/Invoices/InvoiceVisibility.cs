namespace Esf.Infrastructure.Invoices;

/// <summary>
/// Tenant isolation in one place: an enterprise sees an invoice where it is the seller or the sender (an attorney's enterprise),
/// and, as the real ESF shows counterparties registered documents only, where it is the customer of a registered invoice (one
/// with a registration number: never a queued, FAILED or DELETED one). Every query over <c>invoices</c> (alias <c>i</c>) adds
/// <see cref="Predicate"/> with the session's TIN as <c>@Tin</c>, so an invoice of another enterprise answers exactly as one
/// that does not exist.
/// </summary>
public static class InvoiceVisibility
{
    public const string Predicate = "(i.seller_tin = @Tin OR i.sender_tin = @Tin OR (i.customer_tin = @Tin AND i.registration_number IS NOT NULL))";
}
