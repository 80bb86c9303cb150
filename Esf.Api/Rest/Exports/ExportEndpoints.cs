using Esf.Api.Printing;
using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Invoices;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Export;
using Esf.Infrastructure.Waybills;

namespace Esf.Api.Rest.Exports;

/// <summary>
/// GET /api/v1/exports: streams a search (the filters of GET /api/v1/invoices) as an esf:invoiceContainer (format=xml),
/// JSON Lines (format=jsonl), CSV with one row per product line (format=csv) or a ZIP of printed forms, one PDF per invoice
/// (format=pdf). In the first three every invoice is followed by the cursor that resumes after it: pass it back as
/// <c>cursor</c> to continue a broken download. GET /api/v1/snt/export does the same for waybills (ADR 0031).
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
        api.MapGroup("/snt").WithTags("Waybills (СНТ)").MapGet("/export", ExportWaybillsAsync)
            .WithName("ExportWaybills")
            .WithSummary("Stream the session's waybills (the filters of GET /snt) as an sntContainer, JSON Lines or CSV, resumable by cursor")
            .WithDescription("format=xml is an esf:sntContainer (contracts/xsd/SntContainer.xsd) of registered waybills only, each body followed by " +
                "<!--cursor:id-->; jsonl one waybill per line with its cursor; csv one row per goods line. Pass a cursor back as after= to resume.")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static Task ExportAsync(
        HttpContext http, [AsParameters] InvoiceSearchQuery query, string? format, BearerSession bearer, InvoiceExporter exporter,
        TimeProvider clock, LongResponses longResponses)
    {
        var exportFormat = Format(format, allowPdf: true);
        var filter = query.ToFilter(clock);
        var after = query.After;
        return StreamAsync(http, bearer, longResponses, exportFormat, $"invoices-{filter.DateFrom:yyyyMMdd}-{filter.DateTo:yyyyMMdd}", token =>
            exporter.WriteAsync(http.Response.Body, bearer.Context, filter, query.SortBy, query.Ascending, after, exportFormat, token, PublicAddress.Of(http)));
    }

    private static Task ExportWaybillsAsync(
        HttpContext http, WaybillSide? side, string? status, DateOnly? from, DateOnly? to, long? after, string? format, BearerSession bearer,
        WaybillExporter exporter, LongResponses longResponses)
    {
        var exportFormat = Format(format, allowPdf: false);
        var search = new WaybillSearch(side ?? WaybillSide.Any, status, from, to, after ?? 0, WaybillExporter.BatchSize);
        search.CheckStatus();
        return StreamAsync(http, bearer, longResponses, exportFormat, $"waybills-{from:yyyyMMdd}-{to:yyyyMMdd}", token =>
            exporter.WriteAsync(http.Response.Body, bearer.Context, search, exportFormat, token));
    }

    private static ExportFormat Format(string? format, bool allowPdf) => (format ?? "xml").ToLowerInvariant() switch
    {
        "xml" => ExportFormat.Xml,
        "jsonl" or "ndjson" => ExportFormat.JsonLines,
        "csv" => ExportFormat.Csv,
        "pdf" when allowPdf => ExportFormat.PrintedForms,
        _ => throw EsfException.InvalidInput($"format «{format}» must be xml, jsonl, csv{(allowPdf ? " or pdf" : "")}."),
    };

    /// <summary>Streams one export under the tenant's long-response quota, as a download named <paramref name="name"/>.</summary>
    private static async Task StreamAsync(
        HttpContext http, BearerSession bearer, LongResponses longResponses, ExportFormat format, string name, Func<CancellationToken, Task> write)
    {
        var (contentType, extension) = format switch
        {
            ExportFormat.Xml => ("application/xml; charset=utf-8", "xml"),
            ExportFormat.JsonLines => ("application/x-ndjson; charset=utf-8", "jsonl"),
            ExportFormat.Csv => ("text/csv; charset=utf-8", "csv"),
            _ => ("application/zip", "zip"),
        };
        await using var export = longResponses.Begin(bearer.Context, http.RequestAborted);
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.{extension}\"";
        try
        {
            await write(export.Token);
        }
        catch (OperationCanceledException) when (export.CredentialEnded)
        {
            // The headers are out: breaking the connection is the only way to tell the client the file is incomplete. It
            // resumes from the last cursor it read once it holds a valid credential again.
            http.Abort();
        }
    }
}
