using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Invoices;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Printing;

namespace Esf.Api.Printing;

/// <summary>GET /api/v1/invoices/{id}/print: the printed form (Appendix 2) of an invoice the session may see, as PDF or HTML.</summary>
public static class PrintEndpoints
{
    public static RouteGroupBuilder MapPrintEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/invoices").WithTags("Invoices").MapGet("/{id:long}/print", PrintAsync)
            .WithName("PrintInvoice")
            .WithSummary("The printed form of an invoice (Appendix 2, sections A–L), PDF or HTML")
            .WithDescription("format=pdf (default, A4 landscape, fonts embedded) or format=html (a self-contained page). A registered " +
                "invoice carries a QR code and a link to /verify/{registrationNumber}. Another enterprise's invoice answers 404 like an unknown id.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task PrintAsync(HttpContext http, long id, string? format, BearerSession bearer, InvoiceQueries queries)
    {
        var printFormat = InvoicePrinter.ParseFormat(format) ?? throw EsfException.InvalidInput($"format «{format}» must be pdf or html.");
        var invoice = await VisibleInvoice.FindAsync(queries, bearer.Context, id, http.RequestAborted);
        await PrintedFormResult.WriteAsync(http, InvoicePrinter.Print(invoice.Record, printFormat, PublicAddress.Of(http)));
    }
}
