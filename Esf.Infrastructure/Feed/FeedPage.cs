namespace Esf.Infrastructure.Feed;

/// <summary>A page of the feed and the cursor to continue from (the last position returned, or the one asked for).</summary>
public sealed record FeedPage(IReadOnlyList<FeedEvent> Events, long Cursor, bool HasMore);
