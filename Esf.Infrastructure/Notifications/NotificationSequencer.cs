using Esf.Infrastructure.Feed;
using Npgsql;

namespace Esf.Infrastructure.Notifications;

/// <summary>Sequences the notifications, so the stream and the webhooks follow them by position without skipping one.</summary>
public sealed class NotificationSequencer(NpgsqlDataSource database) : PositionSequencer(database, [new SequencedTable("notifications", "id")], 7_346_210_036);
