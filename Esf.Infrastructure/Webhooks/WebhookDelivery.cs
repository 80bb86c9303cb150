namespace Esf.Infrastructure.Webhooks;

/// <summary>One attempt to deliver one status change (<paramref name="FeedPosition"/>, <paramref name="InvoiceId"/>) or one notification (the delivery log).</summary>
public sealed record WebhookDelivery(
    long DeliveryId, long SubscriptionId, long? FeedPosition, long? InvoiceId, int Attempt, bool Succeeded, int? ResponseStatus, string? Error, DateTime AttemptedAt,
    long? NotificationId = null, string? DocumentKind = null, long? DocumentId = null);
