using Esf.Infrastructure.Printing;

namespace Esf.Api.Printing;

/// <summary>Writes a printed form to the response: as a download (PDF) or as a page under the form's own strict CSP (HTML).</summary>
public static class PrintedFormResult
{
    public static async Task WriteAsync(HttpContext http, PrintedDocument printed)
    {
        http.Response.ContentType = printed.ContentType;
        http.Response.ContentLength = printed.Content.Length;
        var disposition = printed.ContentType == "application/pdf" ? "attachment" : "inline";
        http.Response.Headers.ContentDisposition = $"{disposition}; filename=\"{printed.FileName}\"";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        if (printed.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            http.Response.Headers.ContentSecurityPolicy = HtmlFormRenderer.ContentSecurityPolicy;
        }

        await http.Response.Body.WriteAsync(printed.Content, http.RequestAborted);
    }
}
