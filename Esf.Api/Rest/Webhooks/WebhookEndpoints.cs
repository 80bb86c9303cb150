using System.Globalization;
using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Feed;
using Esf.Infrastructure.Notifications;
using Esf.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.Webhooks;

/// <summary>
/// /api/v1/webhooks: the enterprise's push subscriptions, their delivery log and replay. Deliveries are POSTs of
/// <see cref="WebhookPayload"/> JSON with <c>X-Esf-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>.
/// Another enterprise's subscription answers 404 like a missing one.
/// </summary>
public static class WebhookEndpoints
{
    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");
        webhooks.MapPost("/", CreateAsync).WithName("CreateWebhook").WithSummary("Subscribe a URL to the change feed and the notifications")
            .WithDescription("events: invoice statuses to push (none = every change and every notification); NOTIFICATION pushes the " +
                "enterprise's notifications (payload event 'notification', X-Esf-Delivery '<id>-n<cursor>'), from the newest on. " +
                "The URL must be a public http(s) address: loopback, private, link-local, multicast, reserved and the gateway's "
                + "own addresses answer 422 WEBHOOK_TARGET_REFUSED (unless Esf:Webhooks:AllowPrivateNetworks). Redirects are not followed.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        webhooks.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("The enterprise's subscriptions");
        webhooks.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteWebhook").WithSummary("Unsubscribe")
            .ProducesRestProblems(StatusCodes.Status404NotFound);
        webhooks.MapGet("/{id:long}/deliveries", DeliveriesAsync).WithName("GetWebhookDeliveries")
            .WithSummary("The delivery log, newest first").ProducesRestProblems(StatusCodes.Status404NotFound);
        webhooks.MapPost("/{id:long}/replay", ReplayAsync).WithName("ReplayWebhook")
            .WithSummary("Deliver again every change after a cursor").ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Created<WebhookView>> CreateAsync(
        CreateWebhookBody body, BearerSession bearer, WebhookStore store, WebhookTargetGuard targets, FeedReader feed, NotificationInbox notifications,
        CancellationToken ct)
    {
        if (!Uri.TryCreate(body.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw EsfException.InvalidInput("url must be an absolute http or https URL.");
        }

        await targets.CheckAsync(url, ct);

        if (body.Secret is not { Length: >= 16 })
        {
            throw EsfException.InvalidInput("secret must have at least 16 characters.");
        }

        var kinds = FeedKinds.Parse(body.Kinds);
        // JSON may carry null entries whatever the contract's annotation says ("events": [null]): refused, not a 500.
        string[] events = [.. (body.Events ?? []).Select(e => (string?)e ?? throw EsfException.InvalidInput(
            $"events: an entry is null; name a status of the kinds or {WebhookSubscription.NotificationEvent}."))];
        if (events.FirstOrDefault(e => e != WebhookSubscription.NotificationEvent && !kinds.Any(kind => FeedStatuses.IsStatusOf(kind, e))) is { } unknown)
        {
            throw EsfException.InvalidInput(
                $"events: «{unknown}» is neither a status of {string.Join(", ", kinds.Select(k => k.ToWire()))} (see kinds) nor {WebhookSubscription.NotificationEvent}.");
        }

        var from = body.FromCursor is null ? await feed.LatestPositionAsync(ct) : Cursor(body.FromCursor);
        var created = await store.CreateAsync(
            bearer.Context.Tin, url.ToString(), kinds, events, body.Secret, from, ct, await notifications.LatestPositionAsync(ct));
        return TypedResults.Created($"/api/v1/webhooks/{created.SubscriptionId}", WebhookView.From(created));
    }

    private static async Task<Ok<IReadOnlyList<WebhookView>>> ListAsync(BearerSession bearer, WebhookStore store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<WebhookView>>([.. (await store.ListAsync(bearer.Context.Tin, ct)).Select(WebhookView.From)]);

    private static async Task<NoContent> DeleteAsync(long id, BearerSession bearer, WebhookStore store, CancellationToken ct) =>
        await store.DeactivateAsync(bearer.Context.Tin, id, ct) ? TypedResults.NoContent() : throw NotFound(id);

    private static async Task<Ok<IReadOnlyList<WebhookDeliveryView>>> DeliveriesAsync(long id, BearerSession bearer, WebhookStore store, CancellationToken ct) =>
        await store.DeliveriesAsync(bearer.Context.Tin, id, ct) is { } log
            ? TypedResults.Ok<IReadOnlyList<WebhookDeliveryView>>([.. log.Select(WebhookDeliveryView.From)])
            : throw NotFound(id);

    private static async Task<NoContent> ReplayAsync(long id, ReplayWebhookBody body, BearerSession bearer, WebhookStore store, CancellationToken ct) =>
        await store.RewindAsync(bearer.Context.Tin, id, Cursor(body.FromCursor ?? "0"), ct) ? TypedResults.NoContent() : throw NotFound(id);

    private static long Cursor(string text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
        ? position
        : throw EsfException.InvalidInput($"cursor «{text}» is not a feed cursor.");

    private static EsfException NotFound(long id) => EsfException.NotFound($"No webhook {id} belongs to this enterprise.");
}
