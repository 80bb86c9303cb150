using System.Globalization;
using System.Text;
using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Invoices;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Search;

namespace Esf.Api.Rest.Reports;

/// <summary>
/// GET /api/v1/reports?groupBy=…: the Table 30 report — the search's filters, one of the 16 groupings, ascending with
/// <c>asc=true</c> — as CSV (UTF-8 with BOM, for spreadsheets) or JSON. XLSX is not produced yet.
/// </summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/reports").WithTags("Reports").MapGet("/", ReportAsync)
            .WithName("InvoiceReport")
            .WithSummary("Invoices grouped by one of the Table 30 groupings, with counts and totals (CSV or JSON)")
            .Produces<IReadOnlyList<InvoiceReport.Row>>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task ReportAsync(
        HttpContext http, [AsParameters] InvoiceSearchQuery query, string? groupBy, string? format, BearerSession bearer, InvoiceReport report)
    {
        var rows = await report.GroupAsync(bearer.Context, query.ToFilter(), InvoiceReport.Parse(groupBy), query.Ascending, http.RequestAborted);
        switch (format?.ToLowerInvariant() ?? "csv")
        {
            case "json":
                await Results.Ok(rows).ExecuteAsync(http);
                break;
            case "csv":
                var csv = new StringBuilder("group,invoices,totalWithoutTax,totalNds,totalWithTax\r\n");
                foreach (var row in rows)
                {
                    csv.Append(CultureInfo.InvariantCulture,
                        $"{Infrastructure.Export.CsvText.Escape(row.Group)},{row.Invoices},{row.TotalWithoutTax},{row.TotalNds},{row.TotalWithTax}\r\n");
                }

                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"report-{groupBy}.csv\"";
                await http.Response.Body.WriteAsync(Encoding.UTF8.GetPreamble());
                await http.Response.WriteAsync(csv.ToString(), Encoding.UTF8);
                break;
            default:
                throw RestProblemException.Malformed($"format «{format}» must be csv or json (xlsx is not produced yet).");
        }
    }
}
