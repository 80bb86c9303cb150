using System.Xml;
using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Search;
using Microsoft.Net.Http.Headers;

namespace Esf.Api.Rest.Invoices;

/// <summary>
/// GET /api/v1/invoices: the search, in keyset pages (pass <c>cursor</c> from the previous page; rows inserted meanwhile never
/// shift a page). JSON by default; XML with <c>Accept: application/xml</c> or <c>?format=xml</c>.
/// </summary>
public static class InvoiceSearchEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapInvoiceSearchEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/invoices").WithTags("Invoices").MapGet("/", SearchAsync)
            .WithName("SearchInvoices")
            .WithSummary("Search invoices (Table 30 sorts, Table 31 filters), cursor-paged, JSON or XML")
            .Produces<InvoiceSearchPage>(StatusCodes.Status200OK, "application/json", "application/xml")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task SearchAsync(
        HttpContext http, [AsParameters] InvoiceSearchQuery query, int? limit, string? format, BearerSession bearer, InvoiceSearch search,
        TimeProvider clock)
    {
        var page = await search.AfterAsync(bearer.Context, query.ToFilter(clock), query.SortBy, query.Ascending, query.After,
            Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit), http.RequestAborted);
        var result = new InvoiceSearchPage([.. page.Invoices.Select(i => InvoiceView.From(i, []))], page.Next?.Encode(), page.HasMore);
        if (WantsXml(http, format))
        {
            http.Response.ContentType = "application/xml; charset=utf-8";
            await using var writer = XmlWriter.Create(http.Response.Body, new XmlWriterSettings { Async = true, Indent = false });
            await InvoiceXml.WritePageAsync(writer, result);
            return;
        }

        await Results.Ok(result).ExecuteAsync(http);
    }

    private static bool WantsXml(HttpContext http, string? format) => format?.ToLowerInvariant() switch
    {
        "xml" => true,
        "json" => false,
        null => http.Request.Headers[HeaderNames.Accept].ToString() is var accept
            && accept.Contains("xml", StringComparison.OrdinalIgnoreCase) && !accept.Contains("json", StringComparison.OrdinalIgnoreCase),
        _ => throw EsfException.InvalidInput($"format «{format}» must be json or xml."),
    };
}
