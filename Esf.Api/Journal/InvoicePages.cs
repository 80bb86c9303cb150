using System.Globalization;
using System.Text;
using Esf.Api.Printing;
using Esf.Api.Rest.Reports;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Journal;
using Esf.Infrastructure.Printing;
using Esf.Infrastructure.Search;
using Esf.Infrastructure.Xml;

namespace Esf.Api.Journal;

/// <summary>
/// The invoice journal: the search with the Table 31 filters and Table 30 sorts in keyset pages (the same query as
/// GET /api/v1/invoices, so a page costs the same on the millionth row as on the first), the Table 30 report with its
/// downloads, the invoice card and its printed form. Another enterprise's invoice is «not found», like a missing one.
/// </summary>
public static class InvoicePages
{
    private const int PageSize = 50;

    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/", ListAsync);
        pages.MapGet("/report", ReportAsync);
        pages.MapGet("/report/download", DownloadReportAsync);
        pages.MapGet("/invoices/{id:long}", CardAsync);
        pages.MapGet("/invoices/{id:long}/print", PrintAsync);
    }

    private static async Task ListAsync(HttpContext http, InvoiceSearch search, TimeProvider clock)
    {
        var page = new JournalPage(http);
        var session = JournalSessionCookie.Of(http);
        var html = new StringBuilder();
        try
        {
            var query = JournalFilter.Read(http.Request.Query, clock);
            var found = await search.AfterAsync(session, query.ToFilter(clock), query.SortBy, query.Ascending, query.After, PageSize, http.RequestAborted);
            JournalFilter.AppendForm(html, page, query, http.Request.Query);
            JournalFilter.AppendReportForm(html, page, http.Request.Query, null);
            AppendInvoices(html, page, found.Invoices);
            html.Append("<nav class=\"pager\" aria-label=\"").Append(page.T("NextPage")).Append("\">");
            if (query.Cursor is not null)
            {
                html.Append("<a href=\"").Append(HtmlText.Encode(WithCursor(http, null))).Append("\">").Append(page.T("FirstPage")).Append("</a>");
            }

            if (found.Next is { } next)
            {
                html.Append("<a href=\"").Append(HtmlText.Encode(WithCursor(http, next.Encode()))).Append("\">").Append(page.T("NextPage")).Append("</a>");
            }

            html.Append("</nav>");
            await page.WriteAsync(JournalText.Get("Journal", page.Language), session, html);
        }
        catch (EsfException e)
        {
            await FilterErrorAsync(page, session, e, clock);
        }
    }

    private static async Task ReportAsync(HttpContext http, InvoiceReport report, TimeProvider clock)
    {
        var page = new JournalPage(http);
        var session = JournalSessionCookie.Of(http);
        try
        {
            var query = JournalFilter.Read(http.Request.Query, clock);
            var grouping = InvoiceReport.Parse(http.Request.Query["groupBy"]);
            var rows = await report.GroupAsync(session, query.ToFilter(clock), grouping, query.Ascending, http.RequestAborted);
            var html = new StringBuilder();
            JournalFilter.AppendReportForm(html, page, http.Request.Query, grouping.ToString());
            var download = http.Request.Query.Where(q => q.Key != "lang").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))).ToList();
            html.Append("<p class=\"actions\">");
            foreach (var (format, label) in new[] { ("xlsx", "DownloadXlsx"), ("csv", "DownloadCsv") })
            {
                var link = "/journal/report/download" + QueryString.Create(download.Append(KeyValuePair.Create("format", (string?)format))).ToUriComponent();
                html.Append("<a href=\"").Append(HtmlText.Encode(link)).Append("\">").Append(page.T(label)).Append("</a>");
            }

            html.Append("</p><table><caption>").Append(HtmlText.Encode(JournalText.Of(grouping, page.Language))).Append("</caption><thead><tr><th scope=\"col\">")
                .Append(page.T("Group")).Append("</th><th scope=\"col\">").Append(page.T("Count")).Append("</th><th scope=\"col\">").Append(page.T("TotalWithoutTax"))
                .Append("</th><th scope=\"col\">").Append(page.T("TotalNds")).Append("</th><th scope=\"col\">").Append(page.T("Total")).Append("</th></tr></thead><tbody>");
            foreach (var row in rows)
            {
                html.Append("<tr><td>").Append(HtmlText.Encode(row.Group)).Append("</td><td class=\"num\">").Append(row.Invoices).Append("</td><td class=\"num\">")
                    .Append(Amount(row.TotalWithoutTax)).Append("</td><td class=\"num\">").Append(Amount(row.TotalNds)).Append("</td><td class=\"num\">")
                    .Append(Amount(row.TotalWithTax)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
            await page.WriteAsync(JournalText.Get("Report", page.Language), session, html);
        }
        catch (EsfException e)
        {
            await FilterErrorAsync(page, session, e, clock);
        }
    }

    /// <summary>The report as XLSX or CSV, written exactly as GET /api/v1/reports writes it.</summary>
    private static async Task DownloadReportAsync(HttpContext http, InvoiceReport report, TimeProvider clock)
    {
        var session = JournalSessionCookie.Of(http);
        try
        {
            var query = JournalFilter.Read(http.Request.Query, clock);
            var groupBy = http.Request.Query["groupBy"].ToString();
            var rows = await report.GroupAsync(session, query.ToFilter(clock), InvoiceReport.Parse(groupBy), query.Ascending, http.RequestAborted);
            await ReportFiles.WriteAsync(http, rows, groupBy, http.Request.Query["format"].ToString() is { Length: > 0 } format ? format : "xlsx");
        }
        catch (EsfException e)
        {
            await FilterErrorAsync(new JournalPage(http), session, e, clock);
        }
    }

    private static async Task CardAsync(HttpContext http, long id, InvoiceQueries queries, JournalQueries journal)
    {
        var page = new JournalPage(http);
        var session = JournalSessionCookie.Of(http);
        if (await FindAsync(queries, http, id) is not { } invoice)
        {
            await NotFoundAsync(page);
            return;
        }

        var html = new StringBuilder();
        var form = InvoiceFormBuilder.Build(invoice, PublicAddress.Of(http));
        HtmlFormRenderer.AppendHead(html, form);
        html.Append("<p class=\"actions\"><a href=\"/journal/invoices/").Append(id).Append("/print?format=pdf\">").Append(page.T("PrintPdf"))
            .Append("</a><a href=\"/journal/invoices/").Append(id).Append("/print?format=html\">").Append(page.T("PrintHtml")).Append("</a></p>");
        AppendHistory(html, page, await queries.GetHistoryAsync(session, [id], http.RequestAborted));
        AppendErrors(html, page, (await queries.GetErrorsAsync(session, [id], http.RequestAborted)).SelectMany(e => e.Errors).ToList());
        AppendLinked(html, page, invoice, await journal.LinkedAsync(session, id, http.RequestAborted));
        html.Append("<h2>").Append(page.T("AllFields")).Append("</h2>");
        HtmlFormRenderer.AppendSections(html, form, headingLevel: 3);
        await page.WriteAsync($"{JournalText.Get("Invoice", page.Language)} {invoice.RegistrationNumber ?? "№ " + invoice.Num}", session, html);
    }

    private static async Task PrintAsync(HttpContext http, long id, string? format, InvoiceQueries queries)
    {
        if (await FindAsync(queries, http, id) is not { } invoice)
        {
            await NotFoundAsync(new JournalPage(http));
            return;
        }

        await PrintedFormResult.WriteAsync(http, InvoicePrinter.Print(invoice, InvoicePrinter.ParseFormat(format) ?? PrintFormat.Pdf, PublicAddress.Of(http)));
    }

    private static async Task<InvoiceRecord?> FindAsync(InvoiceQueries queries, HttpContext http, long id) =>
        (await queries.GetByIdsAsync(JournalSessionCookie.Of(http), [id], http.RequestAborted)).SingleOrDefault();

    private static Task NotFoundAsync(JournalPage page) => page.WriteAsync(
        JournalText.Get("NotFound", page.Language), JournalSessionCookie.Of(page.Http), new StringBuilder(), StatusCodes.Status404NotFound);

    private static async Task FilterErrorAsync(JournalPage page, Infrastructure.Sessions.SessionContext session, EsfException error, TimeProvider clock)
    {
        var html = new StringBuilder("<div class=\"error\" role=\"alert\">").Append(page.T("BadInput")).Append(": ").Append(HtmlText.Encode(error.Description))
            .Append("</div>");
        var fallback = JournalFilter.Read(QueryCollection.Empty, clock);
        JournalFilter.AppendForm(html, page, fallback, page.Http.Request.Query);
        await page.WriteAsync(JournalText.Get("Journal", page.Language), session, html, StatusCodes.Status400BadRequest);
    }

    private static void AppendInvoices(StringBuilder html, JournalPage page, IReadOnlyList<InvoiceRecord> invoices)
    {
        if (invoices.Count == 0)
        {
            html.Append("<p>").Append(page.T("NoInvoices")).Append("</p>");
            return;
        }

        html.Append("<table class=\"invoices\"><thead><tr>");
        foreach (var key in new[] { "RegistrationNumber", "Num", "Date", "Seller", "Customer", "Status", "Total" })
        {
            html.Append("<th scope=\"col\">").Append(page.T(key)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var invoice in invoices)
        {
            var body = InvoiceXmlParser.Parse(invoice.Body);
            html.Append("<tr><td><a href=\"/journal/invoices/").Append(invoice.InvoiceId).Append("\">")
                .Append(HtmlText.Encode(invoice.RegistrationNumber ?? "ID " + invoice.InvoiceId)).Append("</a></td><td>")
                .Append(HtmlText.Encode(invoice.Num)).Append("</td><td>").Append(HtmlText.Encode(invoice.DateText)).Append("</td><td>")
                .Append(HtmlText.Encode($"{invoice.SellerTin} {body.Sellers.FirstOrDefault()?.Name}")).Append("</td><td>")
                .Append(HtmlText.Encode($"{invoice.CustomerTin} {body.Customers.FirstOrDefault()?.Name}")).Append("</td><td>")
                .Append(HtmlText.Encode(StatusLabels.Of(invoice.Status, page.Language))).Append("</td><td class=\"num\">")
                .Append(Amount(body.ProductSet.TotalPriceWithTax)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void AppendHistory(StringBuilder html, JournalPage page, IReadOnlyList<StatusHistoryRecord> history)
    {
        html.Append("<h2>").Append(page.T("History")).Append("</h2><table><thead><tr><th scope=\"col\">").Append(page.T("ChangedAt")).Append("</th><th scope=\"col\">")
            .Append(page.T("From")).Append("</th><th scope=\"col\">").Append(page.T("To")).Append("</th><th scope=\"col\">").Append(page.T("Actor"))
            .Append("</th><th scope=\"col\">").Append(page.T("Reason")).Append("</th></tr></thead><tbody>");
        foreach (var change in history)
        {
            html.Append("<tr><td>").Append(JournalEndpoints.Time(change.DateTime)).Append("</td><td>")
                .Append(change.FromStatus is { } from ? HtmlText.Encode(StatusLabels.Of(from, page.Language)) : "—").Append("</td><td>")
                .Append(HtmlText.Encode(StatusLabels.Of(change.Status, page.Language))).Append("</td><td>").Append(HtmlText.Encode(change.UserId))
                .Append("</td><td>").Append(HtmlText.Encode(change.Reason)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void AppendErrors(StringBuilder html, JournalPage page, IReadOnlyList<Domain.Rules.RuleViolation> errors)
    {
        html.Append("<h2>").Append(page.T("Errors")).Append("</h2>");
        if (errors.Count == 0)
        {
            html.Append("<p>").Append(page.T("None")).Append("</p>");
            return;
        }

        html.Append("<table><thead><tr><th scope=\"col\">").Append(page.T("Rule")).Append("</th><th scope=\"col\">").Append(page.T("ErrorCode"))
            .Append("</th><th scope=\"col\">").Append(page.T("Field")).Append("</th><th scope=\"col\">").Append(page.T("Message")).Append("</th></tr></thead><tbody>");
        foreach (var error in errors)
        {
            html.Append("<tr><td>").Append(HtmlText.Encode(error.RuleId)).Append("</td><td>").Append(HtmlText.Encode(error.ErrorCode)).Append("</td><td>")
                .Append(HtmlText.Encode(error.Property)).Append("</td><td>").Append(HtmlText.Encode(error.Message)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    /// <summary>The original and the corrections/additionals of the invoice, and the delivery documents (section F) it names.</summary>
    private static void AppendLinked(StringBuilder html, JournalPage page, InvoiceRecord invoice, IReadOnlyList<InvoiceRecord> linked)
    {
        html.Append("<h2>").Append(page.T("Linked")).Append("</h2>");
        if (linked.Count == 0)
        {
            html.Append("<p>").Append(page.T("None")).Append("</p>");
        }
        else
        {
            html.Append("<ul>");
            foreach (var other in linked)
            {
                html.Append("<li><a href=\"/journal/invoices/").Append(other.InvoiceId).Append("\">")
                    .Append(HtmlText.Encode($"{other.InvoiceType} {other.RegistrationNumber ?? "№ " + other.Num} ({other.DateText}, {StatusLabels.Of(other.Status, page.Language)})"))
                    .Append("</a></li>");
            }

            html.Append("</ul>");
        }

        var body = InvoiceXmlParser.Parse(invoice.Body);
        var documents = new[] { (body.DeliveryDocNum, body.DeliveryDocDate), (body.DeliveryDocNum2, body.DeliveryDocDate2) }
            .Where(d => d.Item1 is not null || d.Item2 is not null).ToList();
        html.Append("<h3>").Append(page.T("DeliveryDocuments")).Append("</h3>");
        html.Append(documents.Count == 0
            ? $"<p>{page.T("None")}</p>"
            : "<ul>" + string.Concat(documents.Select(d => $"<li>№ {HtmlText.Encode(d.Item1)} {HtmlText.Encode(d.Item2)}</li>")) + "</ul>");
    }

    private static string WithCursor(HttpContext http, string? cursor)
    {
        var query = http.Request.Query.Where(q => q.Key is not ("cursor" or "lang")).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)));
        if (cursor is not null)
        {
            query = query.Append(KeyValuePair.Create("cursor", (string?)cursor));
        }

        return "/journal" + QueryString.Create(query).ToUriComponent();
    }

    private static string Amount(decimal? value) => value?.ToString("#,0.00", CultureInfo.InvariantCulture).Replace(',', ' ') ?? "";
}
