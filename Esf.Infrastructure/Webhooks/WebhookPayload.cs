using Esf.Domain.Invoices;
using Esf.Infrastructure.Feed;

namespace Esf.Infrastructure.Webhooks;

/// <summary>
/// The JSON a receiver gets for one status change (<see cref="Event"/> <c>status</c>); <see cref="Cursor"/> is the feed position
/// (replay from it). Notifications come as <see cref="NotificationWebhookPayload"/>.
/// </summary>
public sealed record WebhookPayload(
    long SubscriptionId, string Cursor, long InvoiceId, string? FromStatus, string Status, DateTimeOffset ChangedAt, string Actor, string? Tin, string? Reason)
{
    public string Event => "status";

    public static WebhookPayload From(long subscriptionId, FeedEvent e) => new(
        subscriptionId, e.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), e.InvoiceId, e.FromStatus?.ToWire(),
        e.Status.ToWire(), e.ChangedAt, e.Actor, e.Tin, e.Reason);
}
