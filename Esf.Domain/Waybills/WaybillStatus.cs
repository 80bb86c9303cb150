namespace Esf.Domain.Waybills;

/// <summary>
/// The statuses of a waybill (СНТ, сопроводительная накладная на товары): the queue states, FAILED, and every status the
/// seeds name (spec-snt §1.4). Wire names are the members in UPPER_SNAKE (<see cref="WaybillStatusNames"/>).
/// </summary>
public enum WaybillStatus
{
    /// <summary>Accepted by the gateway, waiting for the worker (в очереди).</summary>
    InQueue = 1,
    /// <summary>Taken by a worker; the control is running.</summary>
    InProcessing = 2,
    /// <summary>Registered with its 42-digit number, not yet opened by the buyer («Не просмотрен»).</summary>
    NotViewed = 3,
    /// <summary>Opened by the buyer («Доставлен»).</summary>
    Delivered = 4,
    /// <summary>Confirmed by the buyer («Подтвержден»).</summary>
    Confirmed = 5,
    /// <summary>Confirmed by an inspector of the state revenue body («Подтвержден инспектором ОГД»).</summary>
    ConfirmedByOgd = 6,
    /// <summary>Declined by the buyer («Отклонен»): invoices issued on it are annulled after 3 working days (seed L5823).</summary>
    Declined = 7,
    /// <summary>Revoked by the seller («Отозван»): invoices issued on it are annulled (seed L100–103).</summary>
    Revoked = 8,
    /// <summary>Sent to ИС ГО with its invoice for state support («Заблокирован ИС ЭСФ», seed L5363–5365).</summary>
    SendToIsgo = 9,
    /// <summary>Annulled («Аннулирован»): replaced by a registered corrected waybill (our decision, docs/snt.md).</summary>
    Canceled = 10,
    /// <summary>Failed the control; kept with every error («Ошибочный»).</summary>
    Failed = 11,
}
