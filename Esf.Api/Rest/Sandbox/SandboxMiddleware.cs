using Esf.Infrastructure.Sandbox;
using Microsoft.Net.Http.Headers;

namespace Esf.Api.Rest.Sandbox;

/// <summary>The first step of every gateway request: its enterprise scope, and an ordered 503 (never on the sandbox API itself).</summary>
public static class SandboxMiddleware
{
    private const string SandboxPath = RestEndpointExtensions.RoutePrefix + "/sandbox";

    public static WebApplication UseSandboxScopeAndFaults(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // Named by the session lookup; the sandbox clock and faults read it.
            EnterpriseScope.Begin();
            if (!context.Request.Path.StartsWithSegments(SandboxPath)
                && context.RequestServices.GetRequiredService<SandboxFaults>().TakeUnavailable() is { } retryAfter)
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
}
