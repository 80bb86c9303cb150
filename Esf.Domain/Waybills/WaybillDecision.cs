namespace Esf.Domain.Waybills;

/// <summary>The answer to one operation on one waybill: the status it moves to, or the errorCode and reason it does not.</summary>
public sealed record WaybillDecision(WaybillStatus From, WaybillStatus To, string? ErrorCode, string? Reason)
{
    public bool Allowed => ErrorCode is null;

    public static WaybillDecision Move(WaybillStatus from, WaybillStatus to) => new(from, to, null, null);

    public static WaybillDecision Refuse(WaybillStatus from, WaybillStatus to, string errorCode, string reason) => new(from, to, errorCode, reason);
}
