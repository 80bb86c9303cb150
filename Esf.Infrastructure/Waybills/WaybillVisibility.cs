namespace Esf.Infrastructure.Waybills;

/// <summary>
/// Tenant isolation of waybills, the invoice's rule (ADR 0003, <see cref="Invoices.InvoiceVisibility"/>): an enterprise sees a
/// waybill where it is the seller or the sender, and where it is the buyer of a registered one (with a registration number:
/// never a queued or FAILED one). Consignor and consignee have no rights on a waybill (ADR 0015) and do not see it. Every
/// query over <c>waybills</c> (alias <c>w</c>) adds <see cref="Predicate"/> with the session's TIN as <c>@Tin</c>, so a waybill of
/// another enterprise answers exactly as one that does not exist.
/// </summary>
public static class WaybillVisibility
{
    public const string Predicate = "(w.seller_tin = @Tin OR w.sender_tin = @Tin OR (w.customer_tin = @Tin AND w.registration_number IS NOT NULL))";
}
