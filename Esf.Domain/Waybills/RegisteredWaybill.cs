namespace Esf.Domain.Waybills;

/// <summary>A registered waybill as the rules need it: the document (with its registration number), its status and its invoices.</summary>
public sealed record RegisteredWaybill(WaybillDocument Document, WaybillStatus Status)
{
    /// <summary>The invoices whose section F (32.1) names this waybill, in any status, registered earlier in the same batch included.</summary>
    public IReadOnlyList<LinkedInvoice> Invoices { get; init; } = [];

    /// <summary>The day (Kazakhstan time) the buyer declined it; null when it was never declined.</summary>
    public DateOnly? DeclinedOn { get; init; }

    /// <summary>The linked invoices still in force (not annulled, revoked, declined or failed).</summary>
    public IEnumerable<LinkedInvoice> ActiveInvoices => Invoices.Where(i => i.IsActive);
}
