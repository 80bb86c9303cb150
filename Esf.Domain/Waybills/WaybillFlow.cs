namespace Esf.Domain.Waybills;

/// <summary>
/// Who may do which operation on which waybill, and when. The checks run in a fixed order: the role, the ИС ГО block, the
/// status (through <see cref="WaybillLifecycle"/>), then the reason. The error codes are the real API's SNT_* codes.
/// </summary>
public static class WaybillFlow
{
    public const string AccessDenied = "SNT_ACCESS_DENIED";
    public const string WrongStatus = "SNT_WRONG_STATUS";
    public const string Blocked = "LOCKED_BY_SENDING_TO_ISGO";
    public const string DeclineReasonMissing = "SNT_DECLINE_CAUSE_IS_NULL";
    public const string RevokeReasonMissing = "SNT_CANCEL_CAUSE_IS_NULL";
    public const string ConfirmReasonGiven = "SNT_CONFIRM_CAUSE_NOT_NULL";

    public static WaybillStatus TargetOf(WaybillOperation operation) => operation switch
    {
        WaybillOperation.Receive => WaybillStatus.Delivered,
        WaybillOperation.Confirm => WaybillStatus.Confirmed,
        WaybillOperation.Decline => WaybillStatus.Declined,
        WaybillOperation.Revoke => WaybillStatus.Revoked,
        WaybillOperation.ConfirmByInspector => WaybillStatus.ConfirmedByOgd,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    /// <summary>
    /// The statuses an operation starts from. The table alone is not enough: DELIVERED → CANCELED is the worker's (a corrected
    /// waybill registered), never a party's, and only NOT_VIEWED is opened.
    /// </summary>
    public static IReadOnlyList<WaybillStatus> SourcesOf(WaybillOperation operation) => operation switch
    {
        WaybillOperation.Receive => [WaybillStatus.NotViewed],
        WaybillOperation.Confirm or WaybillOperation.Decline or WaybillOperation.ConfirmByInspector =>
            [WaybillStatus.NotViewed, WaybillStatus.Delivered],
        // «Заблокирован ИС ЭСФ … их нельзя будет отозвать» (L5363): a confirmed waybill can be revoked until it is blocked.
        WaybillOperation.Revoke => [WaybillStatus.NotViewed, WaybillStatus.Delivered, WaybillStatus.Confirmed, WaybillStatus.ConfirmedByOgd],
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    /// <summary>
    /// The reason an operation carries into its signed id list (<c>id|reason</c>, or <c>id</c> when null) and into <see cref="Decide"/>:
    /// a decline or revocation always has one (empty when missing, so that Decide names the missing reason); the other operations
    /// have none unless one was sent, which a confirmation refuses (SNT_CONFIRM_CAUSE_NOT_NULL).
    /// </summary>
    public static string? ReasonFor(WaybillOperation operation, string? given) =>
        operation is WaybillOperation.Decline or WaybillOperation.Revoke ? given ?? "" : string.IsNullOrEmpty(given) ? null : given;

    public static WaybillRole RequiredRole(WaybillOperation operation) => operation switch
    {
        WaybillOperation.Revoke => WaybillRole.Seller,
        WaybillOperation.ConfirmByInspector => WaybillRole.Inspector,
        _ => WaybillRole.Buyer,
    };

    /// <param name="role">What the acting party is to this waybill (<see cref="WaybillParties.RoleOf"/>, or Inspector).</param>
    /// <param name="reason">The reason sent with the operation (required to decline or revoke, refused with a confirmation).</param>
    public static WaybillDecision Decide(WaybillOperation operation, WaybillStatus status, WaybillRole role, string? reason)
    {
        var to = TargetOf(operation);
        var required = RequiredRole(operation);
        if (!role.HasFlag(required))
        {
            return WaybillDecision.Refuse(status, to, AccessDenied,
                $"Only the {required.ToString().ToLowerInvariant()} may {Verb(operation)} a waybill.");
        }

        if (status == WaybillStatus.SendToIsgo)
        {
            return WaybillDecision.Refuse(status, to, Blocked, "СНТ заблокирована ИС ЭСФ (отправлена в ИС ГО) и не может быть изменена.");
        }

        if (!SourcesOf(operation).Contains(status) || !WaybillLifecycle.CanMove(status, to))
        {
            return WaybillDecision.Refuse(status, to, WrongStatus, $"{operation}: {WaybillLifecycle.Table.Refusal(status, to).Message}");
        }

        var hasReason = !string.IsNullOrWhiteSpace(reason);
        return operation switch
        {
            WaybillOperation.Decline when !hasReason => WaybillDecision.Refuse(status, to, DeclineReasonMissing, "Укажите причину отклонения СНТ."),
            WaybillOperation.Revoke when !hasReason => WaybillDecision.Refuse(status, to, RevokeReasonMissing, "Укажите причину отзыва СНТ."),
            WaybillOperation.Confirm when hasReason =>
                WaybillDecision.Refuse(status, to, ConfirmReasonGiven, "Подтверждение СНТ не содержит причины."),
            _ => WaybillDecision.Move(status, to),
        };
    }

    private static string Verb(WaybillOperation operation) => operation == WaybillOperation.ConfirmByInspector
        ? "confirm (as an ОГД inspector)"
        : operation.ToString().ToLowerInvariant();
}
