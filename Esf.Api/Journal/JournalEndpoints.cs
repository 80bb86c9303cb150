using System.Threading.RateLimiting;
using Esf.Api.Hosting;
using Esf.Infrastructure.Printing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Esf.Api.Journal;

/// <summary>
/// The web journal at /journal and public verification at /verify: server-rendered pages in the gateway itself, no script,
/// the same sessions as SOAP and REST. Every page gets a strict Content-Security-Policy (styles from 'self' only, no
/// script, no framing) and is never cached; pages behind the login redirect to it without an open session.
/// </summary>
public static class JournalEndpoints
{
    public const string BasePath = "/journal";
    public const string VerifyPolicy = "verify";

    private const string Policy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IServiceCollection AddJournal(this IServiceCollection services)
    {
        // /verify needs no login, so its own limit per client address keeps registration numbers from being probed in bulk.
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((options, configured) =>
        {
            var limits = configured.Value;
            options.AddPolicy(VerifyPolicy, http => limits.VerifyPerIpPerMinute > 0
                ? RateLimitPartition.GetFixedWindowLimiter("verify:" + http.Connection.RemoteIpAddress, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.VerifyPerIpPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("none"));
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "esf_af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = BasePath;
            options.FormFieldName = "__af";
        });
        return services;
    }

    public static WebApplication MapJournal(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(BasePath) || http.Request.Path.StartsWithSegments(VerifyPage.BasePath))
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = Policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-store";
            }

            await next(http);
        });

        var journal = app.MapGroup(BasePath).ExcludeFromDescription();
        journal.MapGet("/assets/journal.css", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(JournalStyles.Css, "text/css; charset=utf-8");
        });
        LoginPages.Map(journal);

        var pages = journal.MapGroup("").AddEndpointFilter(async (context, next) =>
            await JournalSessionCookie.FindAsync(context.HttpContext) is null
                ? Results.Redirect($"{BasePath}/login", permanent: false, preserveMethod: false)
                : await next(context));
        InvoicePages.Map(pages);
        ActivityPages.Map(pages);

        app.MapGet(VerifyPage.BasePath + "/{registrationNumber}", VerifyPage.ShowAsync).ExcludeFromDescription().RequireRateLimiting(VerifyPolicy);
        return app;
    }

    /// <summary>Pages show times in Kazakhstan time (UTC+5), the time the registration days are counted in.</summary>
    public static string Time(DateTimeOffset instant) =>
        HtmlText.Encode(Infrastructure.KazakhstanTime.Of(instant).ToString("dd.MM.yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
}
