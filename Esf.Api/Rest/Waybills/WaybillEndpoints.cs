using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Invoices;
using Esf.Api.Rest.Problems;
using Esf.Domain.Waybills;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Waybills;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Esf.Api.Rest.Waybills;

/// <summary>
/// /api/v1/snt: upload signed waybills (СНТ), read them, their status and history, search them, and the document flow — the buyer
/// receives, confirms or declines, the seller revokes, an ОГД inspector confirms, each with a signed id list. A waybill the session may not see answers 404 like an
/// unknown id; the wrong side 403 (SNT_ACCESS_DENIED), a transition the lifecycle lacks 409 (SNT_WRONG_STATUS), a missing or
/// superfluous reason or a blocked waybill 422.
/// </summary>
public static class WaybillEndpoints
{
    private const string Channel = "REST";

    public static RouteGroupBuilder MapWaybillEndpoints(this RouteGroupBuilder api)
    {
        var waybills = api.MapGroup("/snt").WithTags("Waybills (СНТ)");
        waybills.MapPost("/", UploadAsync)
            .WithName("UploadWaybills")
            .WithSummary("Upload signed waybills (SntV1)")
            .WithDescription("Runs the upload checks (SntV1.xsd, SNT-F rules, the seller is the session's enterprise) on each waybill. " +
                "Accepted ones are queued (IN_QUEUE) and registered by the worker with a 42-digit number (NOT_VIEWED) or FAILED with " +
                "their errors; declined ones are not stored. Repeating a request with the same Idempotency-Key answers the first result.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge);
        waybills.MapGet("/", SearchAsync)
            .WithName("SearchWaybills")
            .WithSummary("Search the session's waybills by side, status and date, in id-keyed pages")
            .ProducesRestProblems(StatusCodes.Status400BadRequest);
        waybills.MapGet("/{id:long}", GetAsync)
            .WithName("GetWaybill")
            .WithSummary("A waybill, with its body as signed and, once FAILED, the errors of the control")
            .ProducesRestProblems(StatusCodes.Status404NotFound);
        waybills.MapGet("/{id:long}/status", GetStatusAsync)
            .WithName("GetWaybillStatus")
            .WithSummary("A waybill's status, registration number and errors")
            .ProducesRestProblems(StatusCodes.Status404NotFound);
        waybills.MapGet("/{id:long}/history", GetHistoryAsync)
            .WithName("GetWaybillHistory")
            .WithSummary("Every status change of a waybill, oldest first")
            .ProducesRestProblems(StatusCodes.Status404NotFound);
        waybills.MapPost("/{id:long}/invoice", PrefillInvoiceAsync)
            .WithName("PrefillInvoiceFromWaybill")
            .WithSummary("The InvoiceV2 body of the invoice issued on a registered waybill, pre-filled by Table 28 or 29, to complete, sign and upload")
            .ProducesRestProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        Map(waybills, "confirm", WaybillOperation.Confirm, "ConfirmWaybill", "The buyer confirms a waybill (→ CONFIRMED)");
        Map(waybills, "decline", WaybillOperation.Decline, "DeclineWaybill", "The buyer declines a waybill with a reason (→ DECLINED)");
        Map(waybills, "revoke", WaybillOperation.Revoke, "RevokeWaybill", "The seller revokes a waybill with a reason (→ REVOKED)");
        Map(waybills, "receive", WaybillOperation.Receive, "ReceiveWaybill",
            "The buyer acknowledges opening a waybill (NOT_VIEWED → DELIVERED, «Доставлен»); reading it never does (docs/snt.md §3)");
        Map(waybills, "confirm-by-ogd", WaybillOperation.ConfirmByInspector, "ConfirmWaybillByOgdInspector",
            "An ОГД inspector of the buyer's ОГД (registry ogd-inspectors) confirms a waybill in the buyer's place (→ CONFIRMED_BY_OGD)");
        return api;
    }

    private static void Map(RouteGroupBuilder waybills, string verb, WaybillOperation operation, string name, string summary) =>
        waybills.MapPost($"/{{id:long}}/{verb}", (long id, SignedWaybillChangeBody body, BearerSession bearer, WaybillStatusChanger changer, CancellationToken ct) =>
                ChangeAsync(operation, id, body, bearer, changer, ct))
            .WithName(name)
            .WithSummary(summary)
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

    private static async Task<Accepted<UploadResponse>> UploadAsync(
        UploadWaybillsBody body, [FromHeader(Name = IdempotencyKeyHeader.Name)] string? idempotencyKey, BearerSession bearer, WaybillUploader uploader,
        CancellationToken ct)
    {
        var key = IdempotencyKeyHeader.Checked(idempotencyKey);
        var result = await uploader.UploadAsync(bearer.Context, body.ToBatch(), Channel, key, ct);
        return TypedResults.Accepted((string?)null, UploadResponse.From(result));
    }

    private static async Task<Ok<WaybillSearchPage>> SearchAsync(
        WaybillSide? side, string? status, DateOnly? from, DateOnly? to, long? after, int? limit, BearerSession bearer, WaybillQueries queries,
        CancellationToken ct)
    {
        var (page, next) = await queries.SearchPageAsync(
            bearer.Context, new WaybillSearch(side ?? WaybillSide.Any, status, from, to, after ?? 0, limit ?? 100), ct);
        return TypedResults.Ok(new WaybillSearchPage([.. page.Select(w => WaybillView.From(w, []))], next));
    }

    private static async Task<Ok<WaybillView>> GetAsync(long id, BearerSession bearer, WaybillQueries queries, CancellationToken ct)
    {
        var waybill = await FindAsync(queries, bearer.Context, id, ct);
        return TypedResults.Ok(WaybillView.From(waybill, await queries.GetErrorsAsync(bearer.Context, id, ct)));
    }

    private static async Task<Ok<WaybillStatusView>> GetStatusAsync(long id, BearerSession bearer, WaybillQueries queries, CancellationToken ct)
    {
        var waybill = await FindAsync(queries, bearer.Context, id, ct);
        return TypedResults.Ok(new WaybillStatusView(id, waybill.Status, waybill.RegistrationNumber, await queries.GetErrorsAsync(bearer.Context, id, ct)));
    }

    private static async Task<Ok<IReadOnlyList<WaybillHistoryEntry>>> GetHistoryAsync(long id, BearerSession bearer, WaybillQueries queries, CancellationToken ct)
    {
        await FindAsync(queries, bearer.Context, id, ct);
        var history = await queries.GetHistoryAsync(bearer.Context, id, ct);
        return TypedResults.Ok<IReadOnlyList<WaybillHistoryEntry>>([.. history.Select(WaybillHistoryEntry.From)]);
    }

    private static async Task<Ok<PrefilledInvoice>> PrefillInvoiceAsync(
        long id, BearerSession bearer, WaybillQueries queries, InvoicePrefillService prefill, CancellationToken ct)
    {
        var waybill = await FindAsync(queries, bearer.Context, id, ct);
        var registered = waybill.RegistrationNumber is { } number ? await queries.FindRegisteredAsync(bearer.Context, number, ct) : null;
        return registered is var (found, view)
            ? TypedResults.Ok(prefill.Prefill(found, view, bearer.Context.Tin))
            : throw EsfException.Conflict($"ЭСФ выписывается только на зарегистрированную СНТ (waybill {id} is {waybill.Status})",
                "SNT_BASED_INVOICE_SNT_STATUS_NOT_ALLOWED");
    }

    private static async Task<WaybillRecord> FindAsync(WaybillQueries queries, SessionContext session, long id, CancellationToken ct) =>
        await queries.FindAsync(session, id, ct) ?? throw EsfException.NotFound($"No waybill {id} is visible to this session.");

    private static async Task<Ok<WaybillChangeView>> ChangeAsync(
        WaybillOperation operation, long id, SignedWaybillChangeBody body, BearerSession bearer, WaybillStatusChanger changer, CancellationToken ct)
    {
        var signed = new SignedStatusChange(
            body.Signature ?? throw EsfException.InvalidInput("signature is required."),
            body.Certificate ?? throw EsfException.InvalidInput("certificate is required."));
        var item = new StatusChangeItem(id, WaybillFlow.ReasonFor(operation, body.Reason));
        var result = (await changer.ChangeAsync(bearer.Context, operation, [item], signed, ct)).Single();
        return result.IsChanged ? TypedResults.Ok(new WaybillChangeView(id, result.NewStatus!.Value.ToWire())) : throw Refusal(result);
    }

    private static EsfException Refusal(WaybillChangeResult result) => result.ErrorCode switch
    {
        WaybillStatusChanger.NotFound => EsfException.NotFound($"No waybill {result.WaybillId} is visible to this session."),
        WaybillFlow.AccessDenied => new EsfException(EsfFaultKind.AccessDenied, result.Message!, result.ErrorCode),
        WaybillFlow.WrongStatus => EsfException.Conflict(result.Message!, result.ErrorCode),
        _ => EsfException.Business(result.Message!, result.ErrorCode),
    };
}
