using System.Globalization;
using System.Text;
using Esf.Infrastructure.Journal;
using Esf.Infrastructure.Printing;

namespace Esf.Api.Journal;

/// <summary>What happened to the enterprise's uploads: the upload log (accepted, declined with reasons), the queue and recent failures.</summary>
public static class ActivityPages
{
    private const int UploadsPerPage = 50;
    private const int RecentFailures = 20;

    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/uploads", UploadsAsync);
        pages.MapGet("/queue", QueueAsync);
    }

    private static async Task UploadsAsync(HttpContext http, long? before, JournalQueries journal)
    {
        var page = new JournalPage(http);
        var session = JournalSessionCookie.Of(http);
        var uploads = await journal.UploadsAsync(session, before, UploadsPerPage, http.RequestAborted);
        var html = new StringBuilder();
        if (uploads.Count == 0)
        {
            html.Append("<p>").Append(page.T("NoUploads")).Append("</p>");
        }
        else
        {
            html.Append("<table><thead><tr>");
            foreach (var key in new[] { "Upload", "ReceivedAt", "Channel", "User", "Items", "Accepted", "Declined", "Reason" })
            {
                html.Append("<th scope=\"col\">").Append(page.T(key)).Append("</th>");
            }

            html.Append("</tr></thead><tbody>");
            foreach (var upload in uploads)
            {
                html.Append("<tr><td>").Append(upload.UploadId).Append("</td><td>").Append(JournalEndpoints.Time(upload.ReceivedAt)).Append("</td><td>")
                    .Append(HtmlText.Encode(upload.Channel)).Append("</td><td>").Append(HtmlText.Encode(upload.Login)).Append("</td><td class=\"num\">")
                    .Append(upload.ItemCount).Append("</td><td class=\"num\">").Append(upload.AcceptedCount).Append("</td><td class=\"num\">")
                    .Append(upload.ItemCount - upload.AcceptedCount).Append("</td><td>");
                if (upload.Declined.Count > 0)
                {
                    html.Append("<ul>");
                    foreach (var declined in upload.Declined)
                    {
                        html.Append("<li>").Append(HtmlText.Encode(string.Create(CultureInfo.InvariantCulture,
                            $"#{declined.Index + 1} № {declined.Num} {declined.Date}: {declined.RuleId} {declined.ErrorCode} ({declined.Property}) {declined.Text}")))
                            .Append("</li>");
                    }

                    html.Append("</ul>");
                }

                html.Append("</td></tr>");
            }

            html.Append("</tbody></table>");
            if (uploads.Count == UploadsPerPage)
            {
                html.Append("<nav class=\"pager\" aria-label=\"").Append(page.T("NextPage")).Append("\"><a href=\"/journal/uploads?before=")
                    .Append(uploads[^1].UploadId).Append("\">").Append(page.T("NextPage")).Append("</a></nav>");
            }
        }

        await page.WriteAsync(JournalText.Get("Uploads", page.Language), session, html);
    }

    private static async Task QueueAsync(HttpContext http, JournalQueries journal)
    {
        var page = new JournalPage(http);
        var session = JournalSessionCookie.Of(http);
        var queue = await journal.QueueAsync(session, http.RequestAborted);
        var failures = await journal.RecentFailuresAsync(session, RecentFailures, http.RequestAborted);
        var html = new StringBuilder("<dl><dt>").Append(page.T("Waiting")).Append("</dt><dd>").Append(queue.Waiting).Append("</dd>");
        if (queue.OldestSince is { } oldest)
        {
            html.Append("<dt>").Append(page.T("OldestWaiting")).Append("</dt><dd>").Append(JournalEndpoints.Time(oldest)).Append("</dd>");
        }

        html.Append("</dl><h2>").Append(page.T("RecentFailures")).Append("</h2>");
        if (failures.Count == 0)
        {
            html.Append("<p>").Append(page.T("None")).Append("</p>");
        }
        else
        {
            html.Append("<table><thead><tr><th scope=\"col\">").Append(page.T("Invoice")).Append("</th><th scope=\"col\">").Append(page.T("ChangedAt"))
                .Append("</th><th scope=\"col\">").Append(page.T("Errors")).Append("</th></tr></thead><tbody>");
            foreach (var (invoice, errors) in failures)
            {
                html.Append("<tr><td><a href=\"/journal/invoices/").Append(invoice.InvoiceId).Append("\">")
                    .Append(HtmlText.Encode($"№ {invoice.Num} {invoice.DateText}")).Append("</a></td><td>").Append(JournalEndpoints.Time(invoice.LastUpdateDate))
                    .Append("</td><td><ul>");
                foreach (var error in errors.Errors)
                {
                    html.Append("<li>").Append(HtmlText.Encode($"{error.RuleId} {error.ErrorCode}: {error.Message}")).Append("</li>");
                }

                html.Append("</ul></td></tr>");
            }

            html.Append("</tbody></table>");
        }

        await page.WriteAsync(JournalText.Get("Queue", page.Language), session, html);
    }
}
