using Esf.Api.Printing;
using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Invoices;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Export;

namespace Esf.Api.Rest.Exports;

/// <summary>
/// GET /api/v1/exports: streams a search (the filters of GET /api/v1/invoices) as an esf:invoiceContainer (format=xml),
/// JSON Lines (format=jsonl), CSV with one row per product line (format=csv) or a ZIP of printed forms, one PDF per invoice
/// (format=pdf). In the first three every invoice is followed by the cursor that resumes after it: pass it back as
/// <c>cursor</c> to continue a broken download.
/// </summary>
public static class ExportEndpoints
{
    public static RouteGroupBuilder MapExportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/exports").WithTags("Exports").MapGet("/", ExportAsync)
            .WithName("ExportInvoices")
            .WithSummary("Stream invoices as XML container, JSON Lines, CSV (resumable by cursor) or a ZIP of printed forms (format=pdf)")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task ExportAsync(
        HttpContext http, [AsParameters] InvoiceSearchQuery query, string? format, BearerSession bearer, InvoiceExporter exporter,
        TimeProvider clock, LongResponses longResponses)
    {
        var (exportFormat, contentType, extension) = (format ?? "xml").ToLowerInvariant() switch
        {
            "xml" => (ExportFormat.Xml, "application/xml; charset=utf-8", "xml"),
            "jsonl" or "ndjson" => (ExportFormat.JsonLines, "application/x-ndjson; charset=utf-8", "jsonl"),
            "csv" => (ExportFormat.Csv, "text/csv; charset=utf-8", "csv"),
            "pdf" => (ExportFormat.PrintedForms, "application/zip", "zip"),
            _ => throw EsfException.InvalidInput($"format «{format}» must be xml, jsonl, csv or pdf."),
        };
        var filter = query.ToFilter(clock);
        var after = query.After;
        await using var export = longResponses.Begin(bearer.Context, http.RequestAborted);
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"invoices-{filter.DateFrom:yyyyMMdd}-{filter.DateTo:yyyyMMdd}.{extension}\"";
        try
        {
            await exporter.WriteAsync(
                http.Response.Body, bearer.Context, filter, query.SortBy, query.Ascending, after, exportFormat, export.Token, PublicAddress.Of(http));
        }
        catch (OperationCanceledException) when (export.CredentialEnded)
        {
            // The headers are out: breaking the connection is the only way to tell the client the file is incomplete. It
            // resumes from the last cursor it read once it holds a valid credential again.
            http.Abort();
        }
    }
}
