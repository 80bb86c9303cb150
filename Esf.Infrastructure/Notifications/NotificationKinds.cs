namespace Esf.Infrastructure.Notifications;

/// <summary>
/// The kinds of notification. The database triggers of migration 0145 write the event kinds with the status change that
/// causes them; <see cref="DeadlineReminderRunner"/> writes the deadline kinds.
/// </summary>
public static class NotificationKinds
{
    /// <summary>A registered (or transferred) invoice for its recipient.</summary>
    public const string InboundInvoice = "INBOUND_INVOICE";
    public const string InvoiceDeclined = "INVOICE_DECLINED";
    public const string InvoiceRevoked = "INVOICE_REVOKED";
    /// <summary>A registered waybill (СНТ) for its buyer.</summary>
    public const string InboundWaybill = "INBOUND_WAYBILL";
    public const string WaybillDeclined = "WAYBILL_DECLINED";
    public const string WaybillRevoked = "WAYBILL_REVOKED";
    /// <summary>An ИС ГО request the counterparty must confirm or refuse.</summary>
    public const string IsgoRequestToConfirm = "ISGO_REQUEST_TO_CONFIRM";
    public const string IsgoRequestDeclined = "ISGO_REQUEST_DECLINED";
    /// <summary>How the government side ended the request (not accepted by ШЭП, not included, refused, paid).</summary>
    public const string IsgoRequestOutcome = "ISGO_REQUEST_OUTCOME";
    /// <summary>Tomorrow is the recipient's last day to decline a corrected or additional invoice (10 calendar days).</summary>
    public const string DeclineDeadline = "DECLINE_DEADLINE";
    /// <summary>Tomorrow is the seller's last day to issue the corrected invoice on a declined waybill (3 working days).</summary>
    public const string WaybillCorrectionDeadline = "WAYBILL_CORRECTION_DEADLINE";

    public static IReadOnlyList<string> All { get; } =
    [
        InboundInvoice, InvoiceDeclined, InvoiceRevoked, InboundWaybill, WaybillDeclined, WaybillRevoked, IsgoRequestToConfirm,
        IsgoRequestDeclined, IsgoRequestOutcome, DeclineDeadline, WaybillCorrectionDeadline,
    ];
}
