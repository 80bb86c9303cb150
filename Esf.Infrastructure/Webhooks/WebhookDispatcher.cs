using System.Text.Json;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Feed;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Esf.Infrastructure.Webhooks;

/// <summary>
/// The worker that pushes the change feed to webhook subscriptions: per subscription, strictly in feed order, each change
/// POSTed with its HMAC signature and retried with exponential backoff; the cursor advances only past delivered changes,
/// so a failing receiver gets the same change again on the next pass (at least once, in order per invoice).
/// </summary>
public sealed class WebhookDispatcher(
    WebhookStore store, FeedReader feed, WebhookSender sender, IOptions<WebhookOptions> webhookOptions, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    private const int PageSize = 100;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly Guid owner = Guid.NewGuid();
    private readonly WebhookOptions options = webhookOptions.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var subscription in await store.ListAsync(null, stoppingToken))
                {
                    if (!await store.TryLeaseAsync(subscription.SubscriptionId, owner, Lease, stoppingToken))
                    {
                        continue;
                    }

                    try
                    {
                        // Re-read after leasing: another dispatcher may have advanced the cursor since the list was read.
                        var current = (await store.ListAsync(subscription.Tin, stoppingToken)).FirstOrDefault(s => s.SubscriptionId == subscription.SubscriptionId);
                        if (current is not null)
                        {
                            await DispatchAsync(current, stoppingToken);
                        }
                    }
                    finally
                    {
                        await store.ReleaseAsync(subscription.SubscriptionId, owner, CancellationToken.None);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Webhook dispatch pass failed; retrying on the next pass");
            }

            await Task.Delay(options.PollMilliseconds, stoppingToken);
        }
    }

    private async Task DispatchAsync(WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        var cursor = subscription.FeedCursor;
        FeedPage page;
        do
        {
            page = await feed.ReadForTinAsync(subscription.Tin, cursor, PageSize, null, cancellationToken);
            foreach (var change in page.Events)
            {
                if (Wanted(subscription, change) && !await DeliverAsync(subscription, change, cancellationToken))
                {
                    return;
                }

                cursor = change.Position;
                if (!await store.AdvanceAsync(subscription.SubscriptionId, subscription.Generation, cursor, cancellationToken))
                {
                    return;
                }
            }
        }
        while (page.HasMore);
    }

    private static bool Wanted(WebhookSubscription subscription, FeedEvent change) =>
        subscription.Events.Length == 0 || subscription.Events.Contains(change.Status.ToWire());

    private async Task<bool> DeliverAsync(WebhookSubscription subscription, FeedEvent change, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(WebhookPayload.From(subscription.SubscriptionId, change), JsonSerializerOptions.Web);
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
            var sent = await sender.SendAsync(subscription, change.Position, body, token);
            await store.LogAsync(subscription.SubscriptionId, change.Position, change.InvoiceId, attempt, sent.Succeeded, sent.Status, sent.Error, token);
            return sent.Succeeded;
        }, cancellationToken);
    }
}
