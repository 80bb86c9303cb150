using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.Invoices;

/// <summary>
/// The document flow over REST: POST /api/v1/invoices/{id}/confirm | revoke | unrevoke | decline | delete. A refusal is a
/// problem with the errorCode of the real API: 404 for an invoice the session cannot see, 403 for the wrong side, 409 for a
/// transition the lifecycle does not have, 422 for the wrong invoice kind or a closed window.
/// </summary>
public static class InvoiceStatusEndpoints
{
    public static RouteGroupBuilder MapInvoiceStatusEndpoints(this RouteGroupBuilder api)
    {
        var invoices = api.MapGroup("/invoices").WithTags("Invoice document flow");
        invoices.MapPost("/{id:long}/confirm", (long id, BearerSession bearer, InvoiceStatusChanger changer, CancellationToken ct) =>
                ChangeAsync(LifecycleOperation.Confirm, id, null, bearer, changer, ct))
            .WithName("ConfirmInvoice")
            .WithSummary("The customer confirms receipt (CREATED → DELIVERED)")
            .ProducesRestProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        Map(invoices, "revoke", LifecycleOperation.Revoke, "RevokeInvoice", "The seller revokes an ORDINARY invoice (→ REVOKED)");
        Map(invoices, "unrevoke", LifecycleOperation.Unrevoke, "UnrevokeInvoice",
            "The customer objects to a revocation within 10 calendar days (REVOKED → DELIVERED)");
        Map(invoices, "decline", LifecycleOperation.Decline, "DeclineInvoice",
            "The customer declines a FIXED or ADDITIONAL invoice within 10 calendar days of its date (→ DECLINED)");
        Map(invoices, "delete", LifecycleOperation.Delete, "DeleteInvoice", "The seller deletes a FAILED or a not yet transferred IMPORTED invoice (→ DELETED)");
        return api;
    }

    private static void Map(RouteGroupBuilder invoices, string verb, LifecycleOperation operation, string name, string summary) =>
        invoices.MapPost($"/{{id:long}}/{verb}", (long id, SignedStatusChangeBody body, BearerSession bearer, InvoiceStatusChanger changer, CancellationToken ct) =>
                ChangeAsync(operation, id, body, bearer, changer, ct))
            .WithName(name)
            .WithSummary(summary)
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

    private static async Task<Ok<InvoiceSummaryView>> ChangeAsync(
        LifecycleOperation operation, long id, SignedStatusChangeBody? body, BearerSession bearer, InvoiceStatusChanger changer, CancellationToken ct)
    {
        SignedStatusChange? signed = null;
        if (body is not null)
        {
            signed = new SignedStatusChange(
                body.Signature ?? throw EsfException.InvalidInput("signature is required."),
                body.Certificate ?? throw EsfException.InvalidInput("certificate is required."));
        }

        var reason = operation is LifecycleOperation.Delete or LifecycleOperation.Confirm ? null : body?.Reason ?? "";
        var results = await changer.ChangeAsync(bearer.Context, operation, [new StatusChangeItem(id, reason)], signed, atomic: false, ct);
        var result = results.Single();
        return result.IsChanged ? TypedResults.Ok(InvoiceSummaryView.From(result.Summary!)) : throw Refusal(result);
    }

    private static EsfException Refusal(StatusChangeResult result) => result.ErrorCode switch
    {
        InvoiceStatusChanger.NotFound => EsfException.NotFound($"No invoice {result.InvoiceId} is visible to this session."),
        DocumentFlow.AccessDenied => new EsfException(EsfFaultKind.AccessDenied, result.Message!, result.ErrorCode),
        DocumentFlow.WrongStatus => EsfException.Conflict(result.Message!, result.ErrorCode),
        _ => EsfException.Business(result.Message!, result.ErrorCode),
    };
}
