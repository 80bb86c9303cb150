using Esf.Infrastructure.Notifications;

namespace Esf.Infrastructure.Webhooks;

/// <summary>
/// The JSON a receiver gets for one notification (<see cref="Event"/> <c>notification</c>; a status change says <c>status</c>).
/// <see cref="Cursor"/> is the notification's position in the enterprise's notification feed (the stream's Last-Event-ID).
/// </summary>
public sealed record NotificationWebhookPayload(
    long SubscriptionId, string Cursor, long NotificationId, string Kind, string DocumentType, long DocumentId, string? DocumentNumber,
    string Message, DateTimeOffset CreatedAt)
{
    public string Event => "notification";

    public static NotificationWebhookPayload From(long subscriptionId, Notification n) => new(
        subscriptionId, n.FeedPosition!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), n.Id, n.Kind, n.DocumentType, n.DocumentId,
        n.DocumentNumber, n.Message, new DateTimeOffset(DateTime.SpecifyKind(n.CreatedAt, DateTimeKind.Utc)));
}
