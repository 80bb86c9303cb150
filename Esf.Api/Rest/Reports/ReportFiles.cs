using System.Globalization;
using System.Text;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Export;
using Esf.Infrastructure.Search;

namespace Esf.Api.Rest.Reports;

/// <summary>Writes a Table 30 report as CSV (UTF-8 with BOM, for spreadsheets), JSON or XLSX: for the REST API and the journal alike.</summary>
public static class ReportFiles
{
    public static async Task WriteAsync(HttpContext http, IReadOnlyList<InvoiceReport.Row> rows, string groupBy, string format)
    {
        switch (format)
        {
            case "xlsx":
                await WriteSpreadsheetAsync(http, rows, groupBy);
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
                throw EsfException.InvalidInput($"format «{format}» must be csv, json or xlsx.");
        }
    }

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
