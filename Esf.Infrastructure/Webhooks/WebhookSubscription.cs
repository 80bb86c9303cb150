namespace Esf.Infrastructure.Webhooks;

/// <summary>A subscription: where to POST, which target statuses (empty = all), the HMAC secret and the feed cursor reached.</summary>
/// <param name="Generation">Bumped by every replay (see <see cref="WebhookStore.RewindAsync"/>).</param>
/// <param name="EventList">The target statuses, comma-separated (Dapper reads the varchar[] column this way).</param>
public sealed record WebhookSubscription(
    long SubscriptionId, string Tin, string Url, string EventList, string Secret, long FeedCursor, bool Active, DateTime CreatedAt, long Generation)
{
    public string[] Events => EventList.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
