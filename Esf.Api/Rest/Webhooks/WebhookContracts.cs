using Esf.Infrastructure.Feed;
using Esf.Infrastructure.Webhooks;

namespace Esf.Api.Rest.Webhooks;

/// <summary>
/// A new subscription: the receiver URL, the kinds of document to follow (INVOICE, WAYBILL, MOVEMENT, WAREHOUSE_FORM; default INVOICE only,
/// ADR 0031), the target statuses to send and NOTIFICATION for the notifications (empty = every change of those kinds and every
/// notification), the HMAC secret (at least 16 characters) and, optionally, the feed cursor to start after (default: only
/// changes from now on).
/// </summary>
public sealed record CreateWebhookBody(string? Url, string[]? Events, string? Secret, string? FromCursor, string[]? Kinds = null);

/// <summary>Replay: deliver again every change after this cursor ("0" = from the beginning).</summary>
public sealed record ReplayWebhookBody(string? FromCursor);

/// <summary>A subscription as its owner sees it (the secret is never returned).</summary>
public sealed record WebhookView(long Id, string Url, string[] Events, string Cursor, DateTimeOffset CreatedAt, string[] Kinds)
{
    public static WebhookView From(WebhookSubscription s) =>
        new(s.SubscriptionId, s.Url, s.Events, s.FeedCursor.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new DateTimeOffset(DateTime.SpecifyKind(s.CreatedAt, DateTimeKind.Utc)), [.. s.Kinds.Select(k => k.ToWire())]);
}

/// <summary>One delivery attempt from the log: the document by kind and id (invoiceId for invoices only), or the notification.</summary>
/// <param name="Cursor">The change's feed cursor; null for a notification (<paramref name="NotificationId"/>).</param>
public sealed record WebhookDeliveryView(
    long Id, string? Cursor, long? InvoiceId, int Attempt, bool Succeeded, int? ResponseStatus, string? Error, DateTimeOffset AttemptedAt,
    long? NotificationId, string? Kind, long? DocumentId)
{
    public static WebhookDeliveryView From(WebhookDelivery d) =>
        new(d.DeliveryId, d.FeedPosition?.ToString(System.Globalization.CultureInfo.InvariantCulture), d.InvoiceId, d.Attempt, d.Succeeded,
            d.ResponseStatus, d.Error, new DateTimeOffset(DateTime.SpecifyKind(d.AttemptedAt, DateTimeKind.Utc)), d.NotificationId,
            d.DocumentKind, d.DocumentId);
}
