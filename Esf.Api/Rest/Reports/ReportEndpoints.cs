using System.Globalization;
using System.Text;
using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Invoices;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Export;
using Esf.Infrastructure.Search;

namespace Esf.Api.Rest.Reports;

/// <summary>
/// GET /api/v1/reports?groupBy=…: the Table 30 report — the search's filters, one of the 16 groupings, ascending with
/// <c>asc=true</c> — as CSV (UTF-8 with BOM, for spreadsheets), JSON or XLSX (<c>format=xlsx</c> or an Accept of the XLSX type).
/// </summary>
public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/reports").WithTags("Reports").MapGet("/", ReportAsync)
            .WithName("InvoiceReport")
            .WithSummary("Invoices grouped by one of the Table 30 groupings, with counts and totals (CSV, JSON or XLSX)")
            .Produces<IReadOnlyList<InvoiceReport.Row>>(StatusCodes.Status200OK, "application/json", "text/csv", ReportSpreadsheet.ContentType)
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task ReportAsync(
        HttpContext http, [AsParameters] InvoiceSearchQuery query, string? groupBy, string? format, BearerSession bearer, InvoiceReport report)
    {
        var rows = await report.GroupAsync(bearer.Context, query.ToFilter(), InvoiceReport.Parse(groupBy), query.Ascending, http.RequestAborted);
        switch (format?.ToLowerInvariant() ?? (AcceptsSpreadsheet(http) ? "xlsx" : "csv"))
        {
            case "xlsx":
                await WriteSpreadsheetAsync(http, rows, groupBy ?? "report");
                break;
            case "json":
                await Results.Ok(rows).ExecuteAsync(http);
                break;
            case "csv":
                var csv = new StringBuilder("group,invoices,totalWithoutTax,totalNds,totalWithTax\r\n");
                foreach (var row in rows)
                {
                    csv.Append(CultureInfo.InvariantCulture,
                        $"{CsvText.Escape(row.Group)},{row.Invoices},{row.TotalWithoutTax},{row.TotalNds},{row.TotalWithTax}\r\n");
                }

                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"report-{groupBy}.csv\"";
                await http.Response.Body.WriteAsync(Encoding.UTF8.GetPreamble());
                await http.Response.WriteAsync(csv.ToString(), Encoding.UTF8);
                break;
            default:
                throw RestProblemException.Malformed($"format «{format}» must be csv, json or xlsx.");
        }
    }

    private static bool AcceptsSpreadsheet(HttpContext http) =>
        http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(ReportSpreadsheet.ContentType, StringComparison.OrdinalIgnoreCase));

    /// <summary>The zip package needs a seekable stream, so the workbook goes through a temporary file, not memory.</summary>
    private static async Task WriteSpreadsheetAsync(HttpContext http, IReadOnlyList<InvoiceReport.Row> rows, string groupBy)
    {
        await using var buffer = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        ReportSpreadsheet.Write(buffer, rows, groupBy);
        buffer.Position = 0;
        http.Response.ContentType = ReportSpreadsheet.ContentType;
        http.Response.ContentLength = buffer.Length;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"report-{groupBy}.xlsx\"";
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
