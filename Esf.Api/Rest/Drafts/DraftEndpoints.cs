using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Invoices;
using Esf.Api.Rest.Problems;
using Esf.Api.Rest.Rules;
using Esf.Domain.Rules;
using Esf.Infrastructure.Drafts;
using Esf.Infrastructure.Invoices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.Drafts;

/// <summary>/api/v1/drafts: save, edit, read, list and delete unsigned drafts («Черновик»), check them and send them.</summary>
public static class DraftEndpoints
{
    private const string Visibility = " Only the author's enterprise sees its drafts: another enterprise's answers 404 like a missing one.";

    public static RouteGroupBuilder MapDraftEndpoints(this RouteGroupBuilder api)
    {
        var drafts = api.MapGroup("/drafts").WithTags("Drafts");

        drafts.MapPost("/", SaveAsync)
            .WithName("SaveDraft")
            .WithSummary("Save a draft")
            .WithDescription("Stores the invoice XML as a draft (DRAFT), unsigned and unchecked: it may be incomplete. Optional warehouseLines " +
                "([{line, warehouseId, goodsId}], as the upload names them) are kept with it, checked by its validation and sent with it. " +
                "A draft is never searched, exported or shown to a counterparty." + Visibility)
            .ProducesRestProblems(StatusCodes.Status400BadRequest);

        drafts.MapGet("/", ListAsync)
            .WithName("ListDrafts")
            .WithSummary("The enterprise's drafts")
            .WithDescription("The drafts not sent yet, oldest first, a page of at most `limit` (default 100, at most 1000) after the id `after`.");

        drafts.MapGet("/{id:long}", GetAsync)
            .WithName("GetDraft")
            .WithSummary("A draft")
            .WithDescription("The draft as last saved; once sent, status SENT and the invoice it became." + Visibility)
            .ProducesRestProblems(StatusCodes.Status404NotFound);

        drafts.MapPut("/{id:long}", EditAsync)
            .WithName("EditDraft")
            .WithSummary("Replace a draft's body and warehouse lines")
            .WithDescription("A sent draft no longer changes (409 DRAFT_ALREADY_SENT)." + Visibility)
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        drafts.MapDelete("/{id:long}", DeleteAsync)
            .WithName("DeleteDraft")
            .WithSummary("Delete a draft")
            .WithDescription("A sent draft is part of its invoice's record and is not deleted (409 DRAFT_ALREADY_SENT)." + Visibility)
            .ProducesRestProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        drafts.MapPost("/{id:long}/validate", ValidateAsync)
            .WithName("ValidateDraft")
            .WithSummary("Run the whole control on a draft")
            .WithDescription("Exactly POST /api/v1/invoices/validate on the draft's body: the upload's checks, who may send it, then every " +
                "registration rule, every violation answered; nothing is stored. With signature and x509Certificate the signature rules run too.")
            .ProducesRestProblems(StatusCodes.Status404NotFound);

        drafts.MapPost("/{id:long}/send", SendAsync)
            .WithName("SendDraft")
            .WithSummary("Sign and send a draft")
            .WithDescription("Uploads the draft's body with the signature given, as POST /api/v1/invoices does: accepted, the invoice is queued " +
                "(IN_QUEUE) and registered or failed by the worker, and the draft is SENT; declined, nothing is stored, the errors say why and " +
                "the draft stays editable. Sending again answers the same upload: a draft becomes an invoice once." + Visibility)
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        return api;
    }

    private static async Task<Created<DraftView>> SaveAsync(DraftBody body, BearerSession bearer, InvoiceDrafts drafts, CancellationToken ct)
    {
        var draft = await drafts.SaveAsync(bearer.Context, body.ToContent(), ct);
        return TypedResults.Created($"{RestEndpointExtensions.RoutePrefix}/drafts/{draft.DraftId}", DraftView.From(draft));
    }

    private static async Task<Ok<DraftPage>> ListAsync(BearerSession bearer, InvoiceDrafts drafts, CancellationToken ct, long after = 0, int limit = 100)
    {
        var page = await drafts.ListAsync(bearer.Context, after, limit, ct);
        return TypedResults.Ok(new DraftPage([.. page.Select(DraftView.From)], page.Count == Math.Clamp(limit, 1, InvoiceDrafts.MaxListLimit) ? page[^1].DraftId : null));
    }

    private static async Task<Ok<DraftView>> GetAsync(long id, BearerSession bearer, InvoiceDrafts drafts, CancellationToken ct) =>
        TypedResults.Ok(DraftView.From(await drafts.GetAsync(bearer.Context, id, ct)));

    private static async Task<Ok<DraftView>> EditAsync(long id, DraftBody body, BearerSession bearer, InvoiceDrafts drafts, CancellationToken ct) =>
        TypedResults.Ok(DraftView.From(await drafts.EditAsync(bearer.Context, id, body.ToContent(), ct)));

    private static async Task<NoContent> DeleteAsync(long id, BearerSession bearer, InvoiceDrafts drafts, CancellationToken ct)
    {
        await drafts.DeleteAsync(bearer.Context, id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ValidationView>> ValidateAsync(
        long id, ValidateDraftBody body, BearerSession bearer, InvoiceDrafts drafts, CancellationToken ct)
    {
        var result = await drafts.ValidateAsync(bearer.Context, id, body.Signature, body.X509Certificate, body.SignatureType, ct);
        return TypedResults.Ok(ValidationView.From(result));
    }

    private static async Task<Accepted<UploadResponse>> SendAsync(long id, SendDraftBody body, BearerSession bearer, InvoiceDrafts drafts, CancellationToken ct)
    {
        RequiredFields.Check(("certificate", body.Certificate), ("signature", body.Signature));
        var result = await drafts.SendAsync(bearer.Context, id, body.Certificate!, body.Signature!,
            body.SignatureType ?? SignatureCheck.Company, body.Version ?? UploadChecks.SupportedVersion, ct);
        return TypedResults.Accepted((string?)null, UploadResponse.From(result));
    }
}
