using Esf.Domain.Lifecycle;

namespace Esf.Domain.Waybills;

/// <summary>
/// Every transition of a waybill's statuses (docs/snt.md, «Lifecycle»). The seeds name the statuses but give no state
/// machine (spec-snt §10 item 3): the transitions below are read from what the seeds say each party and event does.
/// </summary>
public static class WaybillLifecycle
{
    public static TransitionTable<WaybillStatus> Table { get; } = new("A waybill", new Dictionary<WaybillStatus, WaybillStatus[]>
    {
        // The worker registers (42-digit number, «Не просмотрен») or fails it; it may claim it first (IN_PROCESSING).
        [WaybillStatus.InQueue] = [WaybillStatus.InProcessing, WaybillStatus.NotViewed, WaybillStatus.Failed],
        [WaybillStatus.InProcessing] = [WaybillStatus.NotViewed, WaybillStatus.Failed],
        // The buyer opens, confirms or declines it; an ОГД inspector may confirm it; the seller revokes it; a registered
        // corrected waybill annuls it.
        [WaybillStatus.NotViewed] =
        [
            WaybillStatus.Delivered, WaybillStatus.Confirmed, WaybillStatus.ConfirmedByOgd, WaybillStatus.Declined, WaybillStatus.Revoked,
            WaybillStatus.Canceled,
        ],
        [WaybillStatus.Delivered] =
        [
            WaybillStatus.Confirmed, WaybillStatus.ConfirmedByOgd, WaybillStatus.Declined, WaybillStatus.Revoked, WaybillStatus.Canceled,
        ],
        // Only a confirmed waybill goes to ИС ГО (seed L5354); while blocked it cannot be revoked or corrected (L5363–5365).
        [WaybillStatus.Confirmed] = [WaybillStatus.Revoked, WaybillStatus.SendToIsgo],
        [WaybillStatus.ConfirmedByOgd] = [WaybillStatus.Revoked],
        // ИС ГО refuses («ЭСФ не включен в заявку», «Отказано в мерах господдержки»): back to the status it had, which is
        // always CONFIRMED (L5415–5459); otherwise it stays blocked.
        [WaybillStatus.SendToIsgo] = [WaybillStatus.Confirmed],
        // A declined waybill is replaced by a corrected one (seed L5831).
        [WaybillStatus.Declined] = [WaybillStatus.Canceled],
    });

    public static bool CanMove(WaybillStatus from, WaybillStatus to) => Table.CanMove(from, to);

    public static void EnsureCanMove(WaybillStatus from, WaybillStatus to) => Table.EnsureCanMove(from, to);
}
