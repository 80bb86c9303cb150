using Esf.Infrastructure.Sandbox;
using Microsoft.Net.Http.Headers;

namespace Esf.Api.Rest.Sandbox;

/// <summary>
/// The first step of every gateway request: its enterprise scope, and an ordered 503 or timeout (never on the sandbox API
/// itself). A timeout holds the call for the ordered seconds and then drops the connection without an answer, as a lost
/// response looks to a client: its own timeout fires first when it is shorter.
/// </summary>
public static class SandboxMiddleware
{
    private const string SandboxPath = RestEndpointExtensions.RoutePrefix + "/sandbox";

    public static WebApplication UseSandboxScopeAndFaults(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // Named by the session lookup; the sandbox clock and faults read it.
            EnterpriseScope.Begin();
            var faults = context.RequestServices.GetRequiredService<SandboxFaults>();
            if (context.Request.Path.StartsWithSegments(SandboxPath))
            {
                await next(context);
                return;
            }

            if (faults.TakeTimeout() is { } seconds)
            {
                await HoldAsync(context, seconds);
                context.Abort();
                return;
            }

            if (faults.TakeUnavailable() is { } retryAfter)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers[HeaderNames.RetryAfter] = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.Response.WriteAsync("Service unavailable (sandbox fault): repeat after Retry-After seconds.");
                return;
            }

            await next(context);
        });
        return app;
    }

    private static async Task HoldAsync(HttpContext context, int seconds)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), context.RequestServices.GetRequiredService<TimeProvider>(), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up first: nothing is left to drop.
        }
    }
}
