namespace Esf.Api.Journal;

/// <summary>
/// The page language: <c>?lang=ru|kk|en</c> (remembered in a cookie), else the cookie, else the browser's first of the three,
/// else Russian.
/// </summary>
public static class JournalLanguage
{
    private const string Cookie = "esf_lang";

    public static string Resolve(HttpContext http)
    {
        if (http.Request.Query["lang"].ToString() is var asked && JournalText.Languages.Contains(asked))
        {
            http.Response.Cookies.Append(Cookie, asked, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, Path = "/", MaxAge = TimeSpan.FromDays(365),
            });
            return asked;
        }

        if (http.Request.Cookies[Cookie] is { } kept && JournalText.Languages.Contains(kept))
        {
            return kept;
        }

        var accepted = http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(a => a.Quality ?? 1)
            .Select(a => a.Value.Value?.Split('-')[0].ToLowerInvariant()).FirstOrDefault(JournalText.Languages.Contains);
        return accepted ?? "ru";
    }

    /// <summary>The current page's address in another language (the other query values kept).</summary>
    public static string Switch(HttpContext http, string language)
    {
        var query = http.Request.Query.Where(q => q.Key != "lang").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Append(KeyValuePair.Create("lang", (string?)language));
        return http.Request.Path + QueryString.Create(query).ToUriComponent();
    }
}
