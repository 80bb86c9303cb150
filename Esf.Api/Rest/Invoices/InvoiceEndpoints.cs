using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Invoices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Esf.Api.Rest.Invoices;

/// <summary>/api/v1/invoices: upload signed invoices, then read them, their status and their history.</summary>
public static class InvoiceEndpoints
{
    /// <summary>The channel recorded with REST uploads (SOAP records "SOAP").</summary>
    private const string Channel = "REST";

    public static RouteGroupBuilder MapInvoiceEndpoints(this RouteGroupBuilder api)
    {
        var invoices = api.MapGroup("/invoices").WithTags("Invoices");

        invoices.MapPost("/", UploadAsync)
            .WithName("UploadInvoices")
            .WithSummary("Upload signed invoices")
            .WithDescription("Runs the upload checks on each invoice. Accepted ones are queued (IN_QUEUE) for registration, " +
                "declined ones are not stored and carry their errors. Repeating a request with the same Idempotency-Key answers " +
                "the first result again without storing anything.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status422UnprocessableEntity);

        invoices.MapGet("/{id:long}", GetAsync)
            .WithName("GetInvoice")
            .WithSummary("An invoice")
            .WithDescription("The stored invoice with its body as signed, its status and, once FAILED, the errors of the control.")
            .ProducesRestProblems(StatusCodes.Status404NotFound);

        invoices.MapGet("/{id:long}/status", GetStatusAsync)
            .WithName("GetInvoiceStatus")
            .WithSummary("An invoice's status")
            .WithDescription("What to poll after an upload: the status, the registration number once CREATED, the errors once FAILED.")
            .ProducesRestProblems(StatusCodes.Status404NotFound);

        invoices.MapGet("/{id:long}/history", GetHistoryAsync)
            .WithName("GetInvoiceHistory")
            .WithSummary("An invoice's status history")
            .WithDescription("Every status change, oldest first.")
            .ProducesRestProblems(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<Accepted<UploadResponse>> UploadAsync(
        UploadInvoicesBody body,
        [FromHeader(Name = IdempotencyKeyHeader.Name)] string? idempotencyKey,
        BearerSession bearer,
        InvoiceUploader uploader,
        CancellationToken ct)
    {
        try
        {
            var result = await uploader.UploadAsync(bearer.Context, body.ToBatch(), Channel, IdempotencyKeyHeader.Checked(idempotencyKey), ct);
            return TypedResults.Accepted((string?)null, UploadResponse.From(result));
        }
        finally
        {
            body.ReleaseBodies();
        }
    }

    private static async Task<Ok<InvoiceView>> GetAsync(long id, BearerSession bearer, InvoiceQueries queries, CancellationToken ct)
    {
        var invoice = await VisibleInvoice.FindAsync(queries, bearer.Context, id, ct);
        return TypedResults.Ok(InvoiceView.From(invoice));
    }

    private static async Task<Ok<InvoiceStatusView>> GetStatusAsync(
        long id, BearerSession bearer, InvoiceQueries queries, CancellationToken ct)
    {
        var invoice = await VisibleInvoice.FindAsync(queries, bearer.Context, id, ct);
        return TypedResults.Ok(InvoiceStatusView.From(invoice));
    }

    private static async Task<Ok<IReadOnlyList<InvoiceHistoryEntry>>> GetHistoryAsync(
        long id, BearerSession bearer, InvoiceQueries queries, CancellationToken ct)
    {
        await VisibleInvoice.FindAsync(queries, bearer.Context, id, ct);
        var history = await queries.GetHistoryAsync(bearer.Context, [id], ct);
        var entries = history.OrderBy(h => h.DateTime).Select(InvoiceHistoryEntry.From).ToList();
        return TypedResults.Ok<IReadOnlyList<InvoiceHistoryEntry>>(entries);
    }
}
