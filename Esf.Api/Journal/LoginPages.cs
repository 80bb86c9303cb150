using System.Text;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Printing;
using Esf.Infrastructure.Sessions;
using Microsoft.AspNetCore.Antiforgery;

namespace Esf.Api.Journal;

/// <summary>
/// Logging in to the journal with the credentials of the APIs: the enterprise, the user's ИИН, password and certificate file
/// (createSession), or a ticket signed with the person's AUTH key (createSessionSigned). Each form carries an anti-forgery
/// token; a wrong password or certificate gets the service's own error, and the login rate limit applies.
/// </summary>
public static class LoginPages
{
    /// <summary>A certificate or ticket file is a few kilobytes; anything far larger is not one.</summary>
    private const int MaxFileBytes = 256 * 1024;

    public static void Map(RouteGroupBuilder journal)
    {
        journal.MapGet("/login", (HttpContext http) => ShowAsync(new JournalPage(http), null, null));
        journal.MapPost("/login", LogInAsync);
        journal.MapPost("/login/ticket", TicketAsync);
        journal.MapPost("/login/signed", LogInSignedAsync);
        journal.MapPost("/logout", LogOutAsync);
    }

    private static Task ShowAsync(JournalPage page, string? error, string? ticket, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder();
        if (error is not null)
        {
            html.Append("<div class=\"error\" role=\"alert\">").Append(page.T("LoginFailed")).Append(": ").Append(HtmlText.Encode(error)).Append("</div>");
        }

        html.Append("<div class=\"logins\"><form method=\"post\" action=\"/journal/login\" enctype=\"multipart/form-data\"><fieldset><legend>")
            .Append(page.T("WithPassword")).Append("</legend>").Append(page.Token);
        Field(html, page, "tin", "Tin", "text", "organization");
        Field(html, page, "login", "Iin", "text", "username");
        Field(html, page, "password", "Password", "password", "current-password");
        Field(html, page, "certificate", "CertificateFile", "file", null);
        html.Append("<p><button type=\"submit\">").Append(page.T("LogIn")).Append("</button></p></fieldset></form>");

        html.Append("<div><form method=\"post\" action=\"/journal/login/ticket\"><fieldset><legend>").Append(page.T("GetTicket")).Append("</legend>")
            .Append(page.Token);
        Field(html, page, "iin", "Iin", "text", "username");
        html.Append("<p><button type=\"submit\">").Append(page.T("GetTicket")).Append("</button></p></fieldset></form>");
        if (ticket is not null)
        {
            html.Append("<label>").Append(page.T("TicketToSign")).Append("<textarea name=\"ticket\" rows=\"6\" readonly>").Append(HtmlText.Encode(ticket))
                .Append("</textarea></label>");
        }

        html.Append("<form method=\"post\" action=\"/journal/login/signed\" enctype=\"multipart/form-data\"><fieldset><legend>").Append(page.T("WithTicket"))
            .Append("</legend>").Append(page.Token);
        Field(html, page, "signedTin", "Tin", "text", "organization");
        Field(html, page, "signedTicket", "TicketFile", "file", null);
        html.Append("<p><button type=\"submit\">").Append(page.T("LogIn")).Append("</button></p></fieldset></form></div></div>");
        return page.WriteAsync(JournalText.Get("LoginTitle", page.Language), null, html, status);
    }

    private static async Task LogInAsync(HttpContext http, IAntiforgery antiforgery, SessionService sessions)
    {
        var form = await ValidFormAsync(http, antiforgery);
        await OpenAsync(http, async () => await sessions.CreateAsync(new CreateSessionRequest(
            form["tin"].ToString().Trim(), await FileTextAsync(form.Files["certificate"], certificate: true), form["login"].ToString().Trim(),
            form["password"].ToString(), SourceType: "JOURNAL"), http.RequestAborted));
    }

    private static async Task TicketAsync(HttpContext http, IAntiforgery antiforgery, AuthTickets tickets)
    {
        var form = await ValidFormAsync(http, antiforgery);
        try
        {
            var ticket = await tickets.CreateAsync(form["iin"].ToString().Trim(), null, http.RequestAborted);
            await ShowAsync(new JournalPage(http), null, ticket.ToXml());
        }
        catch (EsfException e)
        {
            await ShowAsync(new JournalPage(http), e.Description, null, StatusCodes.Status422UnprocessableEntity);
        }
    }

    private static async Task LogInSignedAsync(HttpContext http, IAntiforgery antiforgery, SignedSessions sessions)
    {
        var form = await ValidFormAsync(http, antiforgery);
        await OpenAsync(http, async () => await sessions.CreateAsync(new SignedSessions.Request(
            form["signedTin"].ToString().Trim(), await FileTextAsync(form.Files["signedTicket"], certificate: false), SourceType: "JOURNAL"),
            http.RequestAborted));
    }

    private static async Task LogOutAsync(HttpContext http, IAntiforgery antiforgery, SessionService sessions)
    {
        await ValidFormAsync(http, antiforgery);
        if (JournalSessionCookie.Id(http) is { } sessionId)
        {
            await sessions.CloseAsync(sessionId, http.RequestAborted);
        }

        JournalSessionCookie.Clear(http);
        http.Response.Redirect($"{JournalEndpoints.BasePath}/login");
    }

    private static async Task OpenAsync(HttpContext http, Func<Task<string>> open)
    {
        try
        {
            JournalSessionCookie.Set(http, await open());
            http.Response.Redirect(JournalEndpoints.BasePath);
        }
        catch (EsfException e)
        {
            // Message: a page (and whatever caches it) never shows the id of the user's other open session (M1).
            await ShowAsync(new JournalPage(http), e.Message, null, StatusCodes.Status401Unauthorized);
        }
    }

    /// <summary>The posted form, after checking its anti-forgery token (a forged or stale form is refused with 400).</summary>
    private static async Task<IFormCollection> ValidFormAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            throw new BadHttpRequestException("The form is not valid: reload the page and send it again.", StatusCodes.Status400BadRequest);
        }

        return await http.Request.ReadFormAsync(http.RequestAborted);
    }

    /// <summary>A certificate as the services take it (PEM text, or Base64 of DER), or a ticket's XML text.</summary>
    private static async Task<string> FileTextAsync(IFormFile? file, bool certificate)
    {
        if (file is null || file.Length is 0 or > MaxFileBytes)
        {
            return "";
        }

        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        var text = Encoding.UTF8.GetString(bytes.ToArray());
        return !certificate || text.Contains("-----BEGIN", StringComparison.Ordinal) ? text : Convert.ToBase64String(bytes.ToArray());
    }

    private static void Field(StringBuilder html, JournalPage page, string name, string labelKey, string type, string? autocomplete) =>
        html.Append("<label>").Append(page.T(labelKey)).Append("<input type=\"").Append(type).Append("\" name=\"").Append(name).Append('"')
            .Append(autocomplete is null ? "" : $" autocomplete=\"{autocomplete}\"").Append(type == "file" ? "" : " required").Append("></label>");
}
