namespace Esf.Infrastructure.Webhooks;

/// <summary>One attempt to deliver one change (the delivery log).</summary>
public sealed record WebhookDelivery(
    long DeliveryId, long SubscriptionId, long FeedPosition, string DocumentKind, long DocumentId, long? InvoiceId, int Attempt, bool Succeeded, int? ResponseStatus, string? Error, DateTime AttemptedAt);
