using Dapper;
using Npgsql;

namespace Esf.Infrastructure.Notifications;

/// <summary>
/// The inbox of an enterprise: every read and change is scoped to its TIN (the tenant predicate, ADR 0003), so another
/// enterprise's notification is as absent as a missing one.
/// </summary>
public sealed class NotificationInbox(NpgsqlDataSource database, NotificationSequencer sequencer, TimeProvider clock)
{
    public const int MaxLimit = 1000;

    private const string Columns =
        "id, kind, document_type, document_id, document_number, message, created_at, read_at, feed_position";

    /// <summary>The inbox newest first, from before <paramref name="before"/> (a notification id), with the unread count.</summary>
    public async Task<NotificationPage> ListAsync(string tin, long? before, int limit, bool unreadOnly, CancellationToken cancellationToken)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Notification>(new CommandDefinition($"""
            SELECT {Columns} FROM notifications
            WHERE tin = @Tin AND (@Before::bigint IS NULL OR id < @Before) AND (NOT @UnreadOnly OR read_at IS NULL)
            ORDER BY id DESC LIMIT @Take
            """, new { Tin = tin, Before = before, UnreadOnly = unreadOnly, Take = limit + 1 }, cancellationToken: cancellationToken))).AsList();
        var items = rows.Take(limit).ToList();
        return new NotificationPage(items, rows.Count > limit ? items[^1].Id : null, await UnreadAsync(connection, tin, cancellationToken));
    }

    public async Task<int> UnreadCountAsync(string tin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await UnreadAsync(connection, tin, cancellationToken);
    }

    /// <summary>Marks a notification read; again is harmless (the first reading time stays).</summary>
    /// <returns>False when the enterprise has no such notification.</returns>
    public async Task<bool> MarkReadAsync(string tin, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notifications SET read_at = coalesce(read_at, @Now) WHERE id = @Id AND tin = @Tin",
            new { Id = id, Tin = tin, Now = clock.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The notifications after feed position <paramref name="after"/>, oldest first (the stream and the webhooks).</summary>
    public async Task<IReadOnlyList<Notification>> ReadAfterAsync(string tin, long after, int limit, CancellationToken cancellationToken)
    {
        await sequencer.SequenceAsync(cancellationToken);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Notification>(new CommandDefinition($"""
            SELECT {Columns} FROM notifications
            WHERE tin = @Tin AND feed_position > @After ORDER BY feed_position LIMIT @Take
            """, new { Tin = tin, After = after, Take = Math.Clamp(limit, 1, MaxLimit) }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The newest notification position: a new webhook subscription pushes only what comes after it.</summary>
    public async Task<long> LatestPositionAsync(CancellationToken cancellationToken)
    {
        await sequencer.SequenceAsync(cancellationToken);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce(max(feed_position), 0) FROM notifications", cancellationToken: cancellationToken));
    }

    private static Task<int> UnreadAsync(NpgsqlConnection connection, string tin, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM notifications WHERE tin = @Tin AND read_at IS NULL", new { Tin = tin }, cancellationToken: cancellationToken));
}
