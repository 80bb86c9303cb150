using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Invoices;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Imports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Esf.Api.Rest.Imports;

/// <summary>/api/v1/invoices/import and /transfer: invoices checked and kept IMPORTED, then signed and sent to the customer.</summary>
public static class ImportEndpoints
{
    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder api)
    {
        var invoices = api.MapGroup("/invoices").WithTags("Import and transfer");

        invoices.MapPost("/import", ImportAsync)
            .WithName("ImportInvoices")
            .WithSummary("Import unsigned invoices (IMPORTED)")
            .WithDescription("Each invoice gets the whole control at once (as POST /api/v1/invoices/validate, without the signature rules). " +
                "Those that pass are stored IMPORTED («Импортированный»): in the sender's search, history and change feed, without a " +
                "registration number and invisible to the customer until transferred. The others are declined with every error and not " +
                "stored. A repeat with the same Idempotency-Key answers the first result. An item's warehouseLines (as the upload names them) " +
                "get the worker's warehouse checks now and are stored with the invoice: its transfer moves the goods when it registers.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        invoices.MapPost("/transfer", TransferAsync)
            .WithName("TransferInvoices")
            .WithSummary("Sign and transfer imported invoices")
            .WithDescription("Each imported invoice is signed (the signature of its body as imported) and goes through the upload's checks " +
                "and who may send it on the day of the transfer; accepted ones are queued (IMPORTED → IN_QUEUE) and the worker runs every " +
                "registration rule again on its day: CREATED (now visible to the customer) or FAILED. Declined ones stay IMPORTED. An id the " +
                "enterprise did not import or sell answers 404; one no longer IMPORTED 409 INVOICE_NOT_IMPORTED, unless the request repeats " +
                "an earlier one with its Idempotency-Key.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status422UnprocessableEntity);

        return api;
    }

    private static async Task<Ok<UploadResponse>> ImportAsync(
        ImportInvoicesBody body, [FromHeader(Name = IdempotencyKeyHeader.Name)] string? idempotencyKey, BearerSession bearer,
        InvoiceImports imports, CancellationToken ct) =>
        TypedResults.Ok(UploadResponse.From(await imports.ImportAsync(bearer.Context, body.ToBodies(), IdempotencyKeyHeader.Checked(idempotencyKey), ct)));

    private static async Task<Accepted<UploadResponse>> TransferAsync(
        TransferInvoicesBody body, [FromHeader(Name = IdempotencyKeyHeader.Name)] string? idempotencyKey, BearerSession bearer,
        InvoiceImports imports, CancellationToken ct)
    {
        RequiredFields.Check(("certificate", body.Certificate));
        var result = await imports.TransferAsync(bearer.Context, body.ToItems(), body.Certificate!, IdempotencyKeyHeader.Checked(idempotencyKey), ct);
        return TypedResults.Accepted((string?)null, UploadResponse.From(result));
    }
}
