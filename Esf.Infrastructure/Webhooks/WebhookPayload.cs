using Esf.Infrastructure.Feed;

namespace Esf.Infrastructure.Webhooks;

/// <summary>
/// The JSON a receiver gets for one change (<see cref="Event"/> <c>status</c>); <see cref="Cursor"/> is the feed position (replay
/// from it). The fields are those of an event of GET /api/v1/updates (ADR 0031): <see cref="Kind"/> and <see cref="DocumentId"/>
/// name the document, <see cref="InvoiceId"/> is set for invoices only, <see cref="Movement"/> for warehouse movements only.
/// Notifications come as <see cref="NotificationWebhookPayload"/>.
/// </summary>
public sealed record WebhookPayload(
    long SubscriptionId, string Cursor, string Kind, long DocumentId, long? InvoiceId, string? FromStatus, string Status, DateTimeOffset ChangedAt,
    string Actor, string? Tin, string? Reason, FeedMovement? Movement)
{
    public string Event => "status";

    public static WebhookPayload From(long subscriptionId, FeedEvent e) => new(
        subscriptionId, e.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Kind.ToWire(), e.DocumentId, e.InvoiceId,
        e.FromStatus, e.Status, e.ChangedAt, e.Actor, e.Tin, e.Reason, e.Movement);
}
