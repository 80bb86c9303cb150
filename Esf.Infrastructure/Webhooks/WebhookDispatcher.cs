using System.Collections.Concurrent;
using System.Text.Json;
using Esf.Infrastructure.Feed;
using Esf.Infrastructure.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Esf.Infrastructure.Webhooks;

/// <summary>
/// The worker that pushes the change feed to webhook subscriptions: per subscription, strictly in feed order, each change
/// POSTed with its HMAC signature and retried with exponential backoff; the cursor advances only past delivered changes,
/// so a failing receiver gets the same change again on the next pass (at least once, in order per invoice). The enterprise's
/// notifications follow the same way on their own cursor (ADR 0036). Subscriptions
/// are delivered to side by side (<see cref="WebhookOptions.Parallelism"/>), each dispatch within
/// <see cref="WebhookOptions.DispatchBudgetSeconds"/> and under a lease that outlasts it.
/// </summary>
public sealed class WebhookDispatcher(
    WebhookStore store, FeedReader feed, NotificationInbox notifications, WebhookSender sender, IOptions<WebhookOptions> webhookOptions,
    ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    private const int PageSize = 100;
    private readonly Guid owner = Guid.NewGuid();
    private readonly WebhookOptions options = webhookOptions.Value;
    private readonly SemaphoreSlim slots = new(webhookOptions.Value.Parallelism);
    /// <summary>The enterprises (TINs) with a dispatch running.</summary>
    private readonly ConcurrentDictionary<string, byte> inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await StartDueDispatchesAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Webhook dispatch look failed; retrying on the next look");
                }

                await Task.Delay(options.PollMilliseconds, stoppingToken);
            }
        }
        finally
        {
            // Stopping: the running dispatches see the same token; wait until each has given its place back.
            for (var i = 0; i < options.Parallelism; i++)
            {
                await slots.WaitAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Starts a dispatch for every subscription whose enterprise has none running, in list order, waiting for a free place
    /// when all are taken (so no subscription is passed over for ever). One dispatch per enterprise at a time: a tenant's
    /// slow or silent receivers hold up only that tenant's subscriptions, each within its budget (security review M2).
    /// </summary>
    private async Task StartDueDispatchesAsync(CancellationToken stoppingToken)
    {
        foreach (var subscription in await store.ListAsync(null, stoppingToken))
        {
            if (!inFlight.TryAdd(subscription.Tin, 0))
            {
                continue;
            }

            try
            {
                await slots.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                inFlight.TryRemove(subscription.Tin, out _);
                throw;
            }

            _ = RunDispatchAsync(subscription.SubscriptionId, subscription.Tin, stoppingToken);
        }
    }

    private async Task RunDispatchAsync(long subscriptionId, string tin, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            budget.CancelAfter(TimeSpan.FromSeconds(options.DispatchBudgetSeconds));
            await DispatchLeasedAsync(subscriptionId, tin, budget.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The budget is spent: the subscription resumes from its cursor at a later look.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Webhook dispatch of subscription {SubscriptionId} failed; retrying on a later look", subscriptionId);
        }
        finally
        {
            inFlight.TryRemove(tin, out _);
            slots.Release();
        }
    }

    private async Task DispatchLeasedAsync(long subscriptionId, string tin, CancellationToken cancellationToken)
    {
        if (!await store.TryLeaseAsync(subscriptionId, owner, TimeSpan.FromSeconds(options.LeaseSeconds), cancellationToken))
        {
            return;
        }

        try
        {
            // Re-read after leasing: another dispatcher may have advanced the cursor since the list was read.
            var current = (await store.ListAsync(tin, cancellationToken)).FirstOrDefault(s => s.SubscriptionId == subscriptionId);
            if (current is not null)
            {
                await DispatchAsync(current, cancellationToken);
            }
        }
        finally
        {
            await store.ReleaseAsync(subscriptionId, owner, CancellationToken.None);
        }
    }

    private async Task DispatchAsync(WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        if (await DispatchChangesAsync(subscription, cancellationToken) && subscription.WantsNotifications)
        {
            await DispatchNotificationsAsync(subscription, cancellationToken);
        }
    }

    /// <returns>False when a change could not be delivered or the subscription was replayed: stop this dispatch.</returns>
    private async Task<bool> DispatchChangesAsync(WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        var cursor = subscription.FeedCursor;
        FeedPage page;
        do
        {
            page = await feed.ReadForTinAsync(subscription.Tin, cursor, PageSize, null, subscription.Kinds, cancellationToken);
            foreach (var change in page.Events)
            {
                var attempt = new WebhookDelivery(0, subscription.SubscriptionId, change.Position, change.InvoiceId, 0, false, null, null, default,
                    DocumentKind: change.Kind.ToWire(), DocumentId: change.DocumentId);
                if (Wanted(subscription, change) && !await DeliverAsync(
                        subscription, WebhookPayload.From(subscription.SubscriptionId, change), Key(change.Position), attempt, cancellationToken))
                {
                    return false;
                }

                cursor = change.Position;
                if (!await store.AdvanceAsync(subscription.SubscriptionId, subscription.Generation, cursor, cancellationToken))
                {
                    return false;
                }
            }
        }
        while (page.HasMore);
        return true;
    }

    private async Task DispatchNotificationsAsync(WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        IReadOnlyList<Notification> page;
        var cursor = subscription.NotificationCursor;
        do
        {
            page = await notifications.ReadAfterAsync(subscription.Tin, cursor, PageSize, cancellationToken);
            foreach (var notification in page)
            {
                var attempt = new WebhookDelivery(0, subscription.SubscriptionId, null, null, 0, false, null, null, default, notification.Id);
                if (!await DeliverAsync(subscription, NotificationWebhookPayload.From(subscription.SubscriptionId, notification),
                        "n" + Key(notification.FeedPosition!.Value), attempt, cancellationToken))
                {
                    return;
                }

                cursor = notification.FeedPosition!.Value;
                if (!await store.AdvanceNotificationsAsync(subscription.SubscriptionId, subscription.Generation, cursor, cancellationToken))
                {
                    return;
                }
            }
        }
        while (page.Count == PageSize);
    }

    private static string Key(long position) => position.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool Wanted(WebhookSubscription subscription, FeedEvent change) =>
        subscription.Events.Length == 0 || subscription.Events.Contains(change.Status);

    /// <param name="logged">The delivery log row of this item; attempt number and outcome are filled in per attempt.</param>
    private async Task<bool> DeliverAsync<TPayload>(
        WebhookSubscription subscription, TPayload payload, string deliveryKey, WebhookDelivery logged, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, JsonSerializerOptions.Web);
        var attempt = 0;
        var pipeline = new ResiliencePipelineBuilder<bool>().AddRetry(new RetryStrategyOptions<bool>
        {
            MaxRetryAttempts = Math.Max(options.MaxAttempts - 1, 0),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMilliseconds),
            ShouldHandle = new PredicateBuilder<bool>().HandleResult(delivered => !delivered),
        }).Build();
        return await pipeline.ExecuteAsync(async token =>
        {
            attempt++;
            var sent = await sender.SendAsync(subscription, deliveryKey, body, token);
            await store.LogAsync(logged with { Attempt = attempt, Succeeded = sent.Succeeded, ResponseStatus = sent.Status, Error = sent.Error }, token);
            return sent.Succeeded;
        }, cancellationToken);
    }
}
