using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Domain.Employees;
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
    public static RouteGroupBuilder MapUpdateEndpoints(this RouteGroupBuilder api)
    {
        var updates = api.MapGroup("/updates").WithTags("Change feed");
        updates.MapGet("/", ReadAsync)
            .WithName("GetUpdates")
            .WithSummary("The next status changes after a cursor")
            .WithDescription("Start without a cursor (from the beginning) and pass the returned cursor next time; hasMore says whether to ask again at once. " +
                "kinds=INVOICE,WAYBILL,MOVEMENT,WAREHOUSE_FORM chooses the documents (default INVOICE: invoices only, as before waybills, movements " +
                "and warehouse forms joined the feed); one cursor follows them all.")
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
        var page = await feed.ReadAsync(bearer.Context, ServerSentEvents.ParseCursor(cursor), limit ?? 100, ParseDirection(direction), FeedKinds.Parse([kinds ?? ""]), ct);
        return TypedResults.Ok(UpdatesPage.From(page));
    }

    private static Task StreamAsync(
        HttpContext http, string? cursor, string? direction, string? kinds, BearerSession bearer, FeedReader feed, IOptions<JsonOptions> json,
        LongResponses longResponses)
    {
        // Refused before the stream opens: once its 200 is sent, a refusal could only break the connection.
        bearer.Context.Demand(EmployeeRight.View);
        var position = ServerSentEvents.ResumePosition(http, cursor);
        var filter = ParseDirection(direction);
        var chosen = FeedKinds.Parse([kinds ?? ""]);
        return ServerSentEvents.StreamAsync(http, bearer, longResponses, position, "status", json.Value.SerializerOptions, async (after, ct) =>
        {
            var page = await feed.ReadAsync(bearer.Context, after, FeedReader.MaxLimit, filter, chosen, ct);
            return new ServerSentEvents.Page([.. page.Events.Select(e => (e.Position, (object)UpdateEvent.From(e)))], page.HasMore);
        });
    }

    private static InvoiceDirection? ParseDirection(string? direction) => direction is null ? null : DirectionFilter.Parse(direction.ToUpperInvariant());
}
