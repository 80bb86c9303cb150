using System.Globalization;
using System.Text.Json;
using Esf.Api.Rest.Auth;
using Esf.Infrastructure.Errors;

namespace Esf.Api.Rest;

/// <summary>
/// A Server-Sent Events stream over a log read by position (the change feed, the notifications): each event's id is its
/// position, so a client reconnecting with <c>Last-Event-ID</c> resumes after it. The stream holds one of the enterprise's
/// long responses and ends with an event <c>closed</c> (SESSION_CLOSED) once its credential ends.
/// </summary>
public static class ServerSentEvents
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(500);

    /// <summary>One page of the log after a position: its events (with the position of each) and whether more wait at once.</summary>
    public sealed record Page(IReadOnlyList<(long Position, object Data)> Events, bool HasMore);

    /// <summary>Where a stream resumes: after <c>Last-Event-ID</c>, else after <paramref name="cursor"/>, else from the start.</summary>
    public static long ResumePosition(HttpContext http, string? cursor) => ParseCursor(http.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? cursor);

    /// <summary>A cursor this server returned (a position), or 0 for none.</summary>
    public static long ParseCursor(string? cursor) =>
        string.IsNullOrEmpty(cursor) ? 0
        : long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position
        : throw EsfException.InvalidInput($"cursor «{cursor}» is not a cursor this server returned.");

    public static async Task StreamAsync(
        HttpContext http, BearerSession bearer, LongResponses longResponses, long position, string eventName, JsonSerializerOptions json,
        Func<long, CancellationToken, Task<Page>> readAfter)
    {
        await using var stream = longResponses.Begin(bearer.Context, http.RequestAborted);
        var ct = stream.Token;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.Body.FlushAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var page = await readAfter(position, ct);
                foreach (var (at, data) in page.Events)
                {
                    var id = at.ToString(CultureInfo.InvariantCulture);
                    await http.Response.WriteAsync($"id: {id}\nevent: {eventName}\ndata: {JsonSerializer.Serialize(data, json)}\n\n", ct);
                    position = at;
                }

                await http.Response.Body.FlushAsync(ct);
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
}
