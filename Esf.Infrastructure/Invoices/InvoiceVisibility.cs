namespace Esf.Infrastructure.Invoices;

/// <summary>
/// Tenant isolation in one place: an enterprise sees an invoice where it is the seller, the customer or the sender.
/// Every query over <c>invoices</c> (alias <c>i</c>) adds <see cref="Predicate"/> with the session's TIN as <c>@Tin</c>,
/// so an invoice of another enterprise answers exactly as one that does not exist.
/// </summary>
public static class InvoiceVisibility
{
    public const string Predicate = "(i.seller_tin = @Tin OR i.customer_tin = @Tin OR i.sender_tin = @Tin)";
}
