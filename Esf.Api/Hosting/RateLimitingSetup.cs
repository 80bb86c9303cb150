using System.Globalization;
using System.Threading.RateLimiting;
using Esf.Api.Journal;
using Esf.Api.Rest;
using Esf.Api.Rest.Auth;
using Esf.Api.Soap;
using Esf.Api.Soap.Framework;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Esf.Api.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter, chained: per client IP, per REST session or API key, and per IP for logins. A refusal is
/// 429 with Retry-After: a problem on REST, a SOAP fault on SOAP. Behind a proxy, forward the client address (docs/security.md).
/// </summary>
public static class RateLimitingSetup
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddEsfRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, configured) =>
        {
            var options = configured.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Partition(options.PerIpPerMinute, http => "ip:" + ClientAddress(http)),
                Partition(options.PerSessionPerMinute, SessionKey),
                Partition(options.LoginPerIpPerMinute, http => IsLogin(http.Request) ? "login:" + ClientAddress(http) : null));
            limiter.OnRejected = (context, _) => RejectAsync(context.HttpContext, context.Lease);
        });
        return services;
    }

    public static WebApplication UseEsfRateLimiting(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Enabled)
        {
            app.UseRateLimiter();
        }

        return app;
    }

    /// <summary>A fixed window per key; no key (or a limit of 0) means this limiter does not apply to the request.</summary>
    private static PartitionedRateLimiter<HttpContext> Partition(int permits, Func<HttpContext, string?> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http => key(http) is { } partition && permits > 0
            ? RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = Window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("none"));

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>The REST caller's credential (its hash code, so that secrets are not kept as dictionary keys).</summary>
    private static string? SessionKey(HttpContext http)
    {
        var credential = http.Request.Headers[ApiKeyHeader.Name].ToString() is { Length: > 0 } key ? key : http.Request.Headers[HeaderNames.Authorization].ToString();
        return credential.Length > 0 ? "session:" + credential.GetHashCode(StringComparison.Ordinal).ToString(CultureInfo.InvariantCulture) : null;
    }

    private static bool IsLogin(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments($"{SoapEndpointExtensions.BasePath}/SessionService")
            || request.Path.StartsWithSegments($"{SoapEndpointExtensions.BasePath}/AuthService")
            || request.Path.StartsWithSegments($"{RestEndpointExtensions.RoutePrefix}/sessions")
            || request.Path.StartsWithSegments($"{JournalEndpoints.BasePath}/login"));

    private static async ValueTask RejectAsync(HttpContext http, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        var message = $"Too many requests; retry after {seconds} seconds.";
        if (http.Request.Path.StartsWithSegments(SoapEndpointExtensions.BasePath))
        {
            var fault = new SoapFault(SoapFaultCode.Client, message, HttpStatus: StatusCodes.Status429TooManyRequests);
            await SoapMessageWriter.WriteAsync(http, SoapVersion.Soap11, fault.HttpStatus, xml => SoapMessageWriter.WriteFault(xml, SoapVersion.Soap11, fault, "esf"));
            return;
        }

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = message,
                Extensions = { ["errorCode"] = "RATE_LIMITED" },
            },
        });
    }
}
