using System.Globalization;
using System.Text.Json;
using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Feed;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Esf.Api.Rest.Updates;

/// <summary>
/// /api/v1/updates: the change feed of the session's enterprise, by cursor (a page) or as Server-Sent Events (a stream that
/// resumes from <c>Last-Event-ID</c>). Every status change appears once, in the order it became visible.
/// </summary>
public static class UpdateEndpoints
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(500);

    public static RouteGroupBuilder MapUpdateEndpoints(this RouteGroupBuilder api)
    {
        var updates = api.MapGroup("/updates").WithTags("Change feed");
        updates.MapGet("/", ReadAsync)
            .WithName("GetUpdates")
            .WithSummary("The next status changes after a cursor")
            .WithDescription("Start without a cursor (from the beginning) and pass the returned cursor next time; hasMore says whether to ask again at once. " +
                "kinds=INVOICE,WAYBILL,MOVEMENT chooses the documents (default INVOICE: invoices only, as before waybills and movements joined " +
                "the feed); one cursor follows them all.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest);
        updates.MapGet("/stream", StreamAsync)
            .WithName("StreamUpdates")
            .WithSummary("The same feed as Server-Sent Events")
            .WithDescription("Each event's id is its cursor; kinds and direction filter as on GET /updates; reconnecting with Last-Event-ID (or ?cursor=) resumes after it. The stream " +
                "ends with an event 'closed' (errorCode SESSION_CLOSED) once its session is closed or idle, or its API key revoked " +
                "or expired (checked every Esf:Quotas:StreamRecheckSeconds); an enterprise may hold Esf:Quotas:ConcurrentStreamsPerTenant " +
                "streams and exports at once (429 beyond).")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesRestProblems(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<Ok<UpdatesPage>> ReadAsync(
        string? cursor, int? limit, string? direction, string? kinds, BearerSession bearer, FeedReader feed, CancellationToken ct)
    {
        var page = await feed.ReadAsync(bearer.Context, ParseCursor(cursor), limit ?? 100, ParseDirection(direction), FeedKinds.Parse([kinds ?? ""]), ct);
        return TypedResults.Ok(UpdatesPage.From(page));
    }

    private static async Task StreamAsync(
        HttpContext http, string? cursor, string? direction, string? kinds, BearerSession bearer, FeedReader feed, IOptions<JsonOptions> json,
        LongResponses longResponses)
    {
        var position = ParseCursor(http.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? cursor);
        var filter = ParseDirection(direction);
        var chosen = FeedKinds.Parse([kinds ?? ""]);
        await using var stream = longResponses.Begin(bearer.Context, http.RequestAborted);
        var ct = stream.Token;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.Body.FlushAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var page = await feed.ReadAsync(bearer.Context, position, FeedReader.MaxLimit, filter, chosen, ct);
                foreach (var e in page.Events)
                {
                    var data = JsonSerializer.Serialize(UpdateEvent.From(e), json.Value.SerializerOptions);
                    await http.Response.WriteAsync($"id: {UpdatesPage.CursorText(e.Position)}\nevent: status\ndata: {data}\n\n", ct);
                }

                await http.Response.Body.FlushAsync(ct);
                position = page.Cursor;
                if (!page.HasMore)
                {
                    await Task.Delay(IdleWait, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away, or its credential ended: the stream ends, saying why in the second case.
        }

        if (stream.CredentialEnded)
        {
            await http.Response.WriteAsync($"event: closed\ndata: {{\"errorCode\":\"SESSION_CLOSED\"}}\n\n", http.RequestAborted);
        }
    }

    private static long ParseCursor(string? cursor) =>
        string.IsNullOrEmpty(cursor) ? 0
        : long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position
        : throw EsfException.InvalidInput($"cursor «{cursor}» is not a cursor this feed returned.");

    private static InvoiceDirection? ParseDirection(string? direction) => direction is null ? null : DirectionFilter.Parse(direction.ToUpperInvariant());
}
