using Dapper;
using Esf.Infrastructure.Feed;
using Esf.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Esf.Infrastructure.Webhooks;

/// <summary>Subscriptions and the delivery log. Every read and change by a client is scoped to the enterprise's TIN.</summary>
public sealed class WebhookStore(NpgsqlDataSource database, IOptions<QuotaOptions> quotas)
{
    /// <summary>Counts the active subscriptions of <c>@Tin</c>: what <c>Esf:Quotas:WebhooksPerTenant</c> limits.</summary>
    internal const string CountActive = "SELECT count(*) FROM webhook_subscriptions WHERE tin = @Tin AND active";

    private const string Columns = "subscription_id, tin, url, array_to_string(events, ',') AS event_list, secret, feed_cursor, active, created_at, generation, array_to_string(kinds, ',') AS kind_list, notification_cursor";

    public async Task<WebhookSubscription> CreateAsync(
        string tin, string url, IReadOnlyList<FeedKind> kinds, string[] events, string secret, long feedCursor, CancellationToken cancellationToken,
        long notificationCursor = 0)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await TenantQuotas.EnsureRoomAsync(connection, tin, CountActive, new { Tin = tin },
            quotas.Value.WebhooksPerTenant, "active webhooks", "Esf:Quotas:WebhooksPerTenant", cancellationToken);
        var created = await connection.QuerySingleAsync<WebhookSubscription>(new CommandDefinition($"""
            INSERT INTO webhook_subscriptions (tin, url, kinds, events, secret, feed_cursor, notification_cursor)
            VALUES (@Tin, @Url, @Kinds, @Events, @Secret, @FeedCursor, @NotificationCursor)
            RETURNING {Columns}
            """, new
        {
            Tin = tin, Url = url, Kinds = kinds.Select(k => k.ToWire()).ToArray(), Events = events, Secret = secret, FeedCursor = feedCursor,
            NotificationCursor = notificationCursor,
        }, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(string? tin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<WebhookSubscription>(new CommandDefinition(
            $"SELECT {Columns} FROM webhook_subscriptions WHERE active AND (@Tin::text IS NULL OR tin = @Tin) ORDER BY subscription_id",
            new { Tin = tin }, cancellationToken: cancellationToken))];
    }

    /// <returns>False when the enterprise has no such active subscription.</returns>
    public async Task<bool> DeactivateAsync(string tin, long id, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE webhook_subscriptions SET active = false WHERE subscription_id = @Id AND tin = @Tin AND active",
            new { Id = id, Tin = tin }, cancellationToken) == 1;

    /// <summary>
    /// Replay: the subscription goes back to <paramref name="cursor"/> and delivers everything after it again; the new
    /// generation stops a dispatch already under way from advancing past it.
    /// </summary>
    public async Task<bool> RewindAsync(string tin, long id, long cursor, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE webhook_subscriptions SET feed_cursor = @Cursor, generation = generation + 1 WHERE subscription_id = @Id AND tin = @Tin AND active",
            new { Id = id, Tin = tin, Cursor = cursor }, cancellationToken) == 1;

    /// <summary>Takes the subscription for <paramref name="duration"/> unless another dispatcher holds it.</summary>
    public async Task<bool> TryLeaseAsync(long id, Guid owner, TimeSpan duration, CancellationToken cancellationToken) =>
        await ExecuteAsync("""
            UPDATE webhook_subscriptions SET leased_by = @Owner, lease_until = now() + @Duration
            WHERE subscription_id = @Id AND (lease_until IS NULL OR lease_until < now() OR leased_by = @Owner)
            """, new { Id = id, Owner = owner, Duration = duration }, cancellationToken) == 1;

    public Task ReleaseAsync(long id, Guid owner, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE webhook_subscriptions SET leased_by = NULL, lease_until = NULL WHERE subscription_id = @Id AND leased_by = @Owner",
            new { Id = id, Owner = owner }, cancellationToken);

    /// <returns>False when the subscription was replayed (or removed) since <paramref name="generation"/> was read: stop dispatching.</returns>
    public async Task<bool> AdvanceAsync(long id, long generation, long cursor, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE webhook_subscriptions SET feed_cursor = greatest(feed_cursor, @Cursor) WHERE subscription_id = @Id AND generation = @Generation AND active",
            new { Id = id, Generation = generation, Cursor = cursor }, cancellationToken) == 1;

    /// <returns>False when the subscription was replayed (or removed) since <paramref name="generation"/> was read: stop dispatching.</returns>
    public async Task<bool> AdvanceNotificationsAsync(long id, long generation, long cursor, CancellationToken cancellationToken) =>
        await ExecuteAsync("""
            UPDATE webhook_subscriptions SET notification_cursor = greatest(notification_cursor, @Cursor)
            WHERE subscription_id = @Id AND generation = @Generation AND active
            """, new { Id = id, Generation = generation, Cursor = cursor }, cancellationToken) == 1;

    /// <summary>
    /// Logs one attempt: of a document's change (<see cref="WebhookDelivery.FeedPosition"/>, kind and id; <c>invoice_id</c> stays
    /// filled for invoices, as before ADR 0031) or of a notification.
    /// </summary>
    public Task LogAsync(WebhookDelivery attempt, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            INSERT INTO webhook_deliveries
                (subscription_id, feed_position, invoice_id, document_kind, document_id, notification_id, attempt, succeeded, response_status, error)
            VALUES (@SubscriptionId, @FeedPosition, @InvoiceId, @DocumentKind, @DocumentId, @NotificationId, @Attempt, @Succeeded, @ResponseStatus, @Error)
            """, attempt, cancellationToken);

    public async Task<IReadOnlyList<WebhookDelivery>?> DeliveriesAsync(string tin, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var owned = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM webhook_subscriptions WHERE subscription_id = @Id AND tin = @Tin)", new { Id = id, Tin = tin },
            cancellationToken: cancellationToken));
        return owned
            ? [.. await connection.QueryAsync<WebhookDelivery>(new CommandDefinition("""
                SELECT delivery_id, subscription_id, feed_position, invoice_id, attempt, succeeded, response_status, error, attempted_at, notification_id,
                       document_kind, coalesce(document_id, invoice_id) AS document_id
                FROM webhook_deliveries WHERE subscription_id = @Id ORDER BY delivery_id DESC LIMIT 500
                """, new { Id = id }, cancellationToken: cancellationToken))]
            : null;
    }

    private async Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
