using System.Text;
using Esf.Infrastructure.Printing;
using Esf.Infrastructure.Sessions;
using Microsoft.AspNetCore.Antiforgery;

namespace Esf.Api.Journal;

/// <summary>
/// Writes one journal page: the frame (menu, languages, the logout form) around a body the page builds. Every POST form
/// carries the anti-forgery token (<see cref="Token"/>); the page has no script.
/// </summary>
public sealed class JournalPage
{
    private readonly HttpContext http;
    private AntiforgeryTokenSet? tokens;

    public JournalPage(HttpContext http)
    {
        this.http = http;
        Language = JournalLanguage.Resolve(http);
    }

    public string Language { get; }

    public HttpContext Http => http;

    /// <summary>The word for <paramref name="key"/> in the page's language, HTML-encoded.</summary>
    public string T(string key) => HtmlText.Encode(JournalText.Get(key, Language));

    /// <summary>
    /// The hidden anti-forgery field of a POST form; made (with its cookie) only for pages that have a form, before any of
    /// the page is written.
    /// </summary>
    public string Token
    {
        get
        {
            tokens ??= http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
            return $"<input type=\"hidden\" name=\"{HtmlText.Encode(tokens.FormFieldName)}\" value=\"{HtmlText.Encode(tokens.RequestToken)}\">";
        }
    }

    public Task WriteAsync(string title, SessionContext? session, StringBuilder body, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder(body.Length + 4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Language).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(HtmlText.Encode(title)).Append(" — ")
            .Append(T("App")).Append("</title><link rel=\"stylesheet\" href=\"").Append(JournalStyles.Path).Append("\"></head><body>")
            .Append("<a class=\"skip\" href=\"#main\">").Append(T("Skip")).Append("</a><header class=\"top\"><span class=\"brand\">").Append(T("App")).Append("</span>");
        if (session is not null)
        {
            html.Append("<nav aria-label=\"").Append(T("Menu")).Append("\"><a href=\"/journal\">").Append(T("Journal"))
                .Append("</a><a href=\"/journal/uploads\">").Append(T("Uploads")).Append("</a><a href=\"/journal/queue\">").Append(T("Queue")).Append("</a></nav>");
        }

        html.Append("<nav aria-label=\"").Append(T("Language")).Append("\">");
        foreach (var (code, name) in new[] { ("ru", "Русский"), ("kk", "Қазақша"), ("en", "English") })
        {
            html.Append("<a lang=\"").Append(code).Append("\" href=\"").Append(HtmlText.Encode(JournalLanguage.Switch(http, code))).Append('"')
                .Append(code == Language ? " aria-current=\"true\"" : "").Append('>').Append(name).Append("</a>");
        }

        html.Append("</nav>");
        if (session is not null)
        {
            html.Append("<form method=\"post\" action=\"/journal/logout\">").Append(Token).Append("<span>")
                .Append(HtmlText.Encode($"{session.Login} · {session.Tin}")).Append("</span><button type=\"submit\">").Append(T("LogOut")).Append("</button></form>");
        }

        html.Append("</header><main id=\"main\"><h1>").Append(HtmlText.Encode(title)).Append("</h1>").Append(body).Append("</main></body></html>\n");
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync(html.ToString(), http.RequestAborted);
    }
}
