using Esf.Infrastructure.Feed;
using Npgsql;

namespace Esf.Infrastructure.Notifications;

/// <summary>
/// Sequences the notifications, so the stream and the webhooks follow them by position without skipping one. Their positions
/// are in <c>notification_positions</c>, with the enterprise's TIN, so that each reads its own down one index (ADR 0043).
/// </summary>
public sealed class NotificationSequencer(NpgsqlDataSource database) : PositionSequencer(
    database, new PositionLog("notifications", "notification_pending", "notification_positions", "row_id, tin", "row_id"), 7_346_210_036);
