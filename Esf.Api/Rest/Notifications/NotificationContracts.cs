using Esf.Infrastructure.Notifications;

namespace Esf.Api.Rest.Notifications;

/// <summary>A page of the inbox, newest first; pass <see cref="NextBefore"/> as <c>?before=</c> for the next (null: no more).</summary>
public sealed record NotificationPageView(IReadOnlyList<NotificationView> Items, long? NextBefore, int UnreadCount)
{
    public static NotificationPageView From(NotificationPage page) => new([.. page.Items.Select(NotificationView.From)], page.NextBefore, page.UnreadCount);
}

/// <summary>
/// One notification: its kind (INBOUND_INVOICE, INVOICE_DECLINED, INVOICE_REVOKED, INBOUND_WAYBILL, WAYBILL_DECLINED,
/// WAYBILL_REVOKED, ISGO_REQUEST_TO_CONFIRM, ISGO_REQUEST_DECLINED, ISGO_REQUEST_OUTCOME, DECLINE_DEADLINE,
/// WAYBILL_CORRECTION_DEADLINE), the document (INVOICE, WAYBILL, ISGO_REQUEST), the Russian text, and whether it was read.
/// </summary>
/// <param name="Cursor">Its position in the notification stream (null until sequenced, a moment after it is written).</param>
public sealed record NotificationView(
    long Id, string Kind, string DocumentType, long DocumentId, string? DocumentNumber, string Message, DateTimeOffset CreatedAt, bool Read,
    DateTimeOffset? ReadAt, string? Cursor)
{
    public static NotificationView From(Notification n) => new(
        n.Id, n.Kind, n.DocumentType, n.DocumentId, n.DocumentNumber, n.Message, Utc(n.CreatedAt), n.IsRead, n.ReadAt is { } read ? Utc(read) : null,
        n.FeedPosition?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>How many notifications of the enterprise are unread.</summary>
public sealed record UnreadCountView(int UnreadCount);
