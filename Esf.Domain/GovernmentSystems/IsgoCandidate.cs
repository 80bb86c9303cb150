using Esf.Domain.Invoices;
using Esf.Domain.Waybills;

namespace Esf.Domain.GovernmentSystems;

/// <summary>An invoice a participant selects for an ИС ГО request, with the status of the waybill (СНТ) it was issued on, if any.</summary>
public sealed record IsgoCandidate(long InvoiceId, InvoiceStatus Status, string SellerTin, string? CustomerTin, WaybillStatus? LinkedWaybill);
