using Esf.Domain.Calendar;
using Esf.Domain.Invoices;

namespace Esf.Domain.Waybills;

/// <summary>
/// What a decline or revocation of a waybill does to the invoices issued on it (seed L95–103, L5823, L5831; spec-snt R152–R155).
/// A declined waybill opens a window of 3 working days after the decline date: the seller may issue the corrected invoice on a
/// corrected waybill until its last day, and the invoice is annulled once the window has passed. A revoked waybill annuls it at once.
/// </summary>
public static class WaybillEffects
{
    /// <summary>The decline window: «3 (трех) рабочих дней после даты отклонения СНТ».</summary>
    public const int DeclineWindowWorkingDays = 3;

    /// <summary>The last day to issue the corrected invoice (R155).</summary>
    public static DateOnly CorrectionDeadline(DateOnly declinedOn, WorkingDayCalendar calendar) =>
        calendar.AddWorkingDays(declinedOn, DeclineWindowWorkingDays);

    /// <summary>The day (Kazakhstan time) on which the invoices of a declined waybill are annulled: the day after the window (R154).</summary>
    public static DateOnly AnnulmentDay(DateOnly declinedOn, WorkingDayCalendar calendar) => CorrectionDeadline(declinedOn, calendar).AddDays(1);

    /// <summary>The status the active invoices of a waybill take when it moves to <paramref name="status"/>, or null when none.</summary>
    public static InvoiceStatus? InvoiceAnnulment(WaybillStatus status) => status switch
    {
        WaybillStatus.Declined => InvoiceStatus.CanceledBySntDecline,
        WaybillStatus.Revoked => InvoiceStatus.CanceledBySntRevoke,
        _ => null,
    };
}
