using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Sessions;

namespace Esf.Api.Journal;

/// <summary>
/// The journal's session: the same session id as SOAP and REST, kept in a cookie the page scripts cannot read (HttpOnly; there
/// are no scripts anyway), sent only to the journal (Path), only on same-site navigation (SameSite=Strict) and, behind TLS,
/// only over TLS (Secure). The session itself closes after Esf:SessionIdleMinutes like any other.
/// </summary>
public static class JournalSessionCookie
{
    public const string Name = "esf_journal";
    private const string ItemKey = "esf.journal.session";

    public static void Set(HttpContext http, string sessionId) => http.Response.Cookies.Append(Name, sessionId, Options(http));

    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(Name, Options(http));

    public static string? Id(HttpContext http) => http.Request.Cookies[Name];

    /// <summary>The open session of the cookie, or null (no cookie, closed, idle too long).</summary>
    public static async Task<SessionContext?> FindAsync(HttpContext http)
    {
        if (http.Items[ItemKey] is SessionContext known)
        {
            return known;
        }

        try
        {
            var session = await http.RequestServices.GetRequiredService<SessionService>().RequireAsync(Id(http), http.RequestAborted);
            http.Items[ItemKey] = session;
            return session;
        }
        catch (EsfException e) when (e.Kind == EsfFaultKind.SessionClosed)
        {
            return null;
        }
    }

    /// <summary>The session of a page behind <see cref="JournalEndpoints"/>' login filter (always there).</summary>
    public static SessionContext Of(HttpContext http) => (SessionContext)http.Items[ItemKey]!;

    private static CookieOptions Options(HttpContext http) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = JournalEndpoints.BasePath,
        IsEssential = true,
    };
}
