namespace Esf.Infrastructure.Webhooks;

/// <summary>
/// A subscription: where to POST, which kinds of document (ADR 0031: INVOICE by default) and which target statuses (empty = all),
/// the HMAC secret and the feed cursor reached.
/// </summary>
/// <param name="NotificationCursor">The notification feed position reached (<c>NOTIFICATION</c> in the events, or no filter).</param>
/// <param name="Generation">Bumped by every replay (see <see cref="WebhookStore.RewindAsync"/>).</param>
/// <param name="EventList">The target statuses, comma-separated (Dapper reads the varchar[] column this way).</param>
/// <param name="KindList">The kinds of document followed, comma-separated wire names (INVOICE, WAYBILL, MOVEMENT, WAREHOUSE_FORM).</param>
public sealed record WebhookSubscription(
    long SubscriptionId, string Tin, string Url, string EventList, string Secret, long FeedCursor, bool Active, DateTime CreatedAt, long Generation,
    string KindList, long NotificationCursor = 0)
{
    /// <summary>The event name that subscribes to the enterprise's notifications (ADR 0036) besides status changes.</summary>
    public const string NotificationEvent = "NOTIFICATION";

    public string[] Events => EventList.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool WantsNotifications => Events.Length == 0 || Events.Contains(NotificationEvent);

    public IReadOnlyList<Feed.FeedKind> Kinds => Feed.FeedKinds.Parse([KindList]);
}
