using System.Globalization;
using System.Threading.RateLimiting;
using Esf.Api.Journal;
using Esf.Api.Rest;
using Esf.Api.Soap;
using Esf.Api.Soap.Framework;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Esf.Api.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter, chained: per client IP and per IP for logins; and, once the credential is known, one budget
/// per enterprise (<see cref="TenantRateLimiter"/>). A refusal is 429 with Retry-After: a problem on REST, a SOAP fault on
/// SOAP in the request's SOAP version. The client IP is the one forwarded by a configured proxy only (<c>Esf:Http:KnownProxies</c>).
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
                FixedWindowPerKey<HttpContext>(options.PerIpPerMinute, http => "ip:" + ClientAddress(http)),
                FixedWindowPerKey<HttpContext>(options.LoginPerIpPerMinute, http => IsLogin(http.Request) ? "login:" + ClientAddress(http) : null));
            limiter.OnRejected = (context, _) => RejectAsync(context.HttpContext, RetryAfter(context.Lease));
        });
        services.Replace(ServiceDescriptor.Singleton<ITenantRequestBudget, TenantRateLimiter>());
        services.Replace(ServiceDescriptor.Singleton<ILoginLockout, LoginLockout>());
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
    internal static PartitionedRateLimiter<T> FixedWindowPerKey<T>(int permits, Func<T, string?> key) =>
        FixedWindowPerKey(permits, Window, key);

    internal static PartitionedRateLimiter<T> FixedWindowPerKey<T>(int permits, TimeSpan window, Func<T, string?> key) =>
        PartitionedRateLimiter.Create<T, string>(resource => key(resource) is { } partition && permits > 0
            ? RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("none"));

    internal static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Window;

    /// <summary>Sets <c>Retry-After</c> for a refusal that another handler words (the SOAP fault, the REST problem).</summary>
    public static void AnnounceRetry(HttpContext http, TooManyRequestsException refusal) =>
        http.Response.Headers[HeaderNames.RetryAfter] = refusal.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>The RATE_LIMITED problem of REST, for the limiter's refusals and the tenant budget's alike.</summary>
    public static ProblemDetails Problem(string detail) => new()
    {
        Status = StatusCodes.Status429TooManyRequests,
        Title = "Too many requests",
        Detail = detail,
        Extensions = { ["errorCode"] = "RATE_LIMITED" },
    };

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static bool IsLogin(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments($"{SoapEndpointExtensions.BasePath}/SessionService")
            || request.Path.StartsWithSegments($"{SoapEndpointExtensions.BasePath}/AuthService")
            || request.Path.StartsWithSegments($"{RestEndpointExtensions.RoutePrefix}/sessions")
            || request.Path.StartsWithSegments($"{JournalEndpoints.BasePath}/login"));

    private static async ValueTask RejectAsync(HttpContext http, TimeSpan retryAfter)
    {
        var refusal = new TooManyRequestsException(retryAfter);
        AnnounceRetry(http, refusal);
        if (http.Request.Path.StartsWithSegments(SoapEndpointExtensions.BasePath))
        {
            // The body is not read yet: the SOAP version is told by the Content-Type (SOAP 1.2 is application/soap+xml).
            var version = SoapVersion.FromContentType(http.Request.ContentType);
            var fault = SoapFault.TooManyRequests(refusal);
            await SoapMessageWriter.WriteAsync(http, version, fault.HttpStatus, xml => SoapMessageWriter.WriteFault(xml, version, fault, "esf"));
            return;
        }

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = Problem(refusal.Message),
        });
    }
}
