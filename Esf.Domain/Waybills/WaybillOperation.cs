namespace Esf.Domain.Waybills;

/// <summary>The operations the parties perform on a registered waybill, each with a signed id list (docs/snt.md).</summary>
public enum WaybillOperation
{
    /// <summary>The buyer opens the waybill: NOT_VIEWED → DELIVERED («Доставлен»).</summary>
    Receive,
    /// <summary>The buyer confirms it → CONFIRMED.</summary>
    Confirm,
    /// <summary>The buyer declines it, with a reason → DECLINED; its invoices are annulled after 3 working days.</summary>
    Decline,
    /// <summary>The seller revokes it, with a reason → REVOKED; its invoices are annulled.</summary>
    Revoke,
    /// <summary>An ОГД inspector confirms it → CONFIRMED_BY_OGD.</summary>
    ConfirmByInspector,
}
