using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.GovernmentSystems;
using Esf.Infrastructure.Invoices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.GovernmentSystems;

/// <summary>
/// /api/v1/isgo/requests: sending invoices to a government system for state support (spec-rest §3.8). Only the request's
/// initiator and counterparty see it; another enterprise gets 404.
/// </summary>
public static class IsgoEndpoints
{
    public static RouteGroupBuilder MapIsgoEndpoints(this RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/isgo/requests").WithTags("ИС ГО");
        requests.MapPost("/", InitiateAsync)
            .WithName("CreateIsgoRequest")
            .WithSummary("Send invoices to a state body for state support (the counterparty confirms)")
            .WithDescription("The supplier or the recipient selects invoices in status CREATED («Не просмотрен») or DELIVERED («Доставлен»), " +
                "with one counterparty, and a state body with its subsidy. The invoices become SEND_TO_ISGO («Заблокирован ИС ЭСФ»): " +
                "no revoke, no corrected or additional invoice, until the request ends.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        requests.MapGet("/", JournalAsync)
            .WithName("ListIsgoRequests")
            .WithSummary("The request journal: sent and received requests, newest first (100 a page; beforeId for the next)");
        requests.MapGet("/{id:long}", GetAsync)
            .WithName("GetIsgoRequest")
            .WithSummary("A request with each invoice's outcome and the history")
            .ProducesRestProblems(StatusCodes.Status404NotFound);
        requests.MapPost("/{id:long}/confirm", ConfirmAsync)
            .WithName("ConfirmIsgoRequest")
            .WithSummary("The counterparty confirms (signed); the request goes to ШЭП")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict);
        requests.MapPost("/{id:long}/decline", DeclineAsync)
            .WithName("DeclineIsgoRequest")
            .WithSummary("The counterparty refuses with a reason (signed); the invoices get their earlier status back")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Created<IsgoRequestDetailsView>> InitiateAsync(
        IsgoRequestBody body, BearerSession bearer, IsgoRequestService service, IsgoRequestQueries queries, CancellationToken ct)
    {
        RequiredFields.Check(("stateBody", body.StateBody));
        var initiation = new IsgoInitiation(body.InvoiceIds ?? [], body.StateBody!, string.IsNullOrEmpty(body.Subsidy) ? null : body.Subsidy);
        var id = await service.InitiateAsync(bearer.Context, initiation, Signed(body.Signature, body.Certificate), ct);
        return TypedResults.Created($"{RestEndpointExtensions.RoutePrefix}/isgo/requests/{id}",
            IsgoRequestDetailsView.From(await queries.GetAsync(bearer.Context, id, ct)));
    }

    private static async Task<Ok<IReadOnlyList<IsgoRequestView>>> JournalAsync(
        long? beforeId, BearerSession bearer, IsgoRequestQueries queries, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<IsgoRequestView>>(
            (await queries.JournalAsync(bearer.Context, beforeId, ct)).Select(IsgoRequestView.From).ToList());

    private static async Task<Ok<IsgoRequestDetailsView>> GetAsync(long id, BearerSession bearer, IsgoRequestQueries queries, CancellationToken ct) =>
        TypedResults.Ok(IsgoRequestDetailsView.From(await queries.GetAsync(bearer.Context, id, ct)));

    private static async Task<Ok<IsgoRequestDetailsView>> ConfirmAsync(
        long id, IsgoAnswerBody body, BearerSession bearer, IsgoRequestService service, IsgoRequestQueries queries, CancellationToken ct)
    {
        await service.ConfirmAsync(bearer.Context, id, Signed(body.Signature, body.Certificate), ct);
        return TypedResults.Ok(IsgoRequestDetailsView.From(await queries.GetAsync(bearer.Context, id, ct)));
    }

    private static async Task<Ok<IsgoRequestDetailsView>> DeclineAsync(
        long id, IsgoAnswerBody body, BearerSession bearer, IsgoRequestService service, IsgoRequestQueries queries, CancellationToken ct)
    {
        await service.DeclineAsync(bearer.Context, id, body.Reason, Signed(body.Signature, body.Certificate), ct);
        return TypedResults.Ok(IsgoRequestDetailsView.From(await queries.GetAsync(bearer.Context, id, ct)));
    }

    private static SignedStatusChange Signed(string? signature, string? certificate)
    {
        RequiredFields.Check(("signature", signature), ("certificate", certificate));
        return new SignedStatusChange(signature!, certificate!);
    }
}
