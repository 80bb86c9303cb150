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
        HttpContext http, [AsParameters] InvoiceSearchQuery query, string? groupBy, string? format, BearerSession bearer, InvoiceReport report,
        TimeProvider clock)
    {
        var rows = await report.GroupAsync(bearer.Context, query.ToFilter(clock), InvoiceReport.Parse(groupBy), query.Ascending, http.RequestAborted);
        await ReportFiles.WriteAsync(http, rows, groupBy ?? "report", format?.ToLowerInvariant() ?? (AcceptsSpreadsheet(http) ? "xlsx" : "csv"));
    }

    private static bool AcceptsSpreadsheet(HttpContext http) =>
        http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(ReportSpreadsheet.ContentType, StringComparison.OrdinalIgnoreCase));
}
