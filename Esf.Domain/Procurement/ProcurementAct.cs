using Esf.Domain.Waybills;

namespace Esf.Domain.Procurement;

/// <summary>An act of the procurement portal (акт ЭГЗ) with its status and the invoices issued on it, as the registration rules read it.</summary>
public sealed record ProcurementAct(ProcurementDocument Document, ProcurementActStatus Status)
{
    /// <summary>The registered invoices of the supplier that name this act, in any status, those registered earlier in the same batch included.</summary>
    public IReadOnlyList<LinkedInvoice> Invoices { get; init; } = [];
}
