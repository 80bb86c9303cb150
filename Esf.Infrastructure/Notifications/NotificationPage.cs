namespace Esf.Infrastructure.Notifications;

/// <summary>A page of the inbox and where the next one starts (null when this was the last).</summary>
public sealed record NotificationPage(IReadOnlyList<Notification> Items, long? NextBefore, int UnreadCount);
