namespace Esf.Infrastructure.Notifications;

/// <summary>
/// One notification of an enterprise's inbox (уведомление, Rules p.18.2): what happened to which document, in Russian, and
/// whether it was read. <see cref="FeedPosition"/> is its place in the notification feed (the stream's and webhooks' cursor).
/// </summary>
/// <param name="Kind">What needs attention: see <see cref="NotificationKinds"/>.</param>
/// <param name="DocumentType"><c>INVOICE</c>, <c>WAYBILL</c> or <c>ISGO_REQUEST</c>.</param>
public sealed record Notification(
    long Id, string Kind, string DocumentType, long DocumentId, string? DocumentNumber, string Message, DateTime CreatedAt, DateTime? ReadAt,
    long? FeedPosition)
{
    public bool IsRead => ReadAt is not null;
}
