using Esf.Domain.Invoices;

namespace Esf.Infrastructure.Waybills;

/// <summary>A recorded effect of a waybill's status on its invoices: the status its invoices in force take (a row of <c>waybill_effects</c>).</summary>
internal sealed record WaybillEffect(long EffectId, string WaybillNumber, InvoiceStatus InvoiceStatus);
