using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Esf.Api.Rest.Notifications;

/// <summary>
/// /api/v1/notifications: the inbox of the session's enterprise (уведомления, Rules p.18.2; ADR 0036). Every session of the
/// enterprise may read it: it shows what happened to documents the enterprise already sees. Another enterprise's
/// notification answers 404 like a missing one.
/// </summary>
public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("/", ListAsync)
            .WithName("ListNotifications")
            .WithSummary("The inbox, newest first, with the unread count")
            .WithDescription("limit 1–1000 (default 100); unreadOnly=true leaves out what was read; pass nextBefore as ?before= for the next page.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest);
        notifications.MapGet("/unread-count", UnreadCountAsync)
            .WithName("CountUnreadNotifications")
            .WithSummary("How many notifications are unread");
        notifications.MapPost("/{id:long}/read", MarkReadAsync)
            .WithName("MarkNotificationRead")
            .WithSummary("Mark a notification read (again: no change, 204)")
            .ProducesRestProblems(StatusCodes.Status404NotFound);
        notifications.MapGet("/stream", StreamAsync)
            .WithName("StreamNotifications")
            .WithSummary("New notifications as Server-Sent Events")
            .WithDescription("Each event ('notification') has its cursor as id; reconnecting with Last-Event-ID (or ?cursor=) resumes after it; " +
                "without one the stream starts with the enterprise's first notification. It ends like /updates/stream when the credential ends, " +
                "and counts against Esf:Quotas:ConcurrentStreamsPerTenant.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<Ok<NotificationPageView>> ListAsync(
        long? before, int? limit, bool? unreadOnly, BearerSession bearer, NotificationInbox inbox, CancellationToken ct)
    {
        if (limit is < 1 or > NotificationInbox.MaxLimit)
        {
            throw EsfException.InvalidInput($"limit: from 1 to {NotificationInbox.MaxLimit}.");
        }

        return TypedResults.Ok(NotificationPageView.From(await inbox.ListAsync(bearer.Context.Tin, before, limit ?? 100, unreadOnly ?? false, ct)));
    }

    private static async Task<Ok<UnreadCountView>> UnreadCountAsync(BearerSession bearer, NotificationInbox inbox, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCountView(await inbox.UnreadCountAsync(bearer.Context.Tin, ct)));

    private static async Task<NoContent> MarkReadAsync(long id, BearerSession bearer, NotificationInbox inbox, CancellationToken ct) =>
        await inbox.MarkReadAsync(bearer.Context.Tin, id, ct)
            ? TypedResults.NoContent()
            : throw EsfException.NotFound($"Уведомление {id} не найдено (no notification {id} belongs to this enterprise).");

    private static Task StreamAsync(
        HttpContext http, string? cursor, BearerSession bearer, NotificationInbox inbox, IOptions<JsonOptions> json, LongResponses longResponses)
    {
        return ServerSentEvents.StreamAsync(http, bearer, longResponses, ServerSentEvents.ResumePosition(http, cursor), "notification", json.Value.SerializerOptions, async (after, ct) =>
        {
            var page = await inbox.ReadAfterAsync(bearer.Context.Tin, after, NotificationInbox.MaxLimit, ct);
            return new ServerSentEvents.Page([.. page.Select(n => (n.FeedPosition!.Value, (object)NotificationView.From(n)))],
                page.Count == NotificationInbox.MaxLimit);
        });
    }
}
