using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Enterprises;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.Employees;

/// <summary>
/// /api/v1/enterprise: the head office's branches and the delegations of its liquidated branches (the same LIQ-01/02 as the
/// registry import), and the change of the head of a legal entity (ADR 0037). Head only (EMP-04).
/// </summary>
public static class EnterpriseEndpoints
{
    public static RouteGroupBuilder MapEnterpriseEndpoints(this RouteGroupBuilder api)
    {
        var enterprise = api.MapGroup("/enterprise").WithTags("Employees");

        enterprise.MapGet("/branches", BranchesAsync).WithName("ListBranches").WithSummary("The head office's branches and their delegations")
            .WithDescription("Active and deregistered structural units whose head office is the session's enterprise.")
            .ProducesRestProblems(StatusCodes.Status403Forbidden);
        enterprise.MapPut("/branches/{branchTin}/delegations/{delegateTin}", DelegateAsync).WithName("DelegateLiquidatedBranch")
            .WithSummary("Let an active branch issue for a liquidated one")
            .WithDescription("«Наделение полномочием по выписке ЭСФ за ликвидированный филиал»: only the branch's head office (LIQ-01), " +
                "for a branch deregistered for «Ликвидация» and an active unit of the same head office (LIQ-02). Repeating it replaces the end.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity);
        enterprise.MapDelete("/branches/{branchTin}/delegations/{delegateTin}", EndDelegationAsync).WithName("EndLiquidatedBranchDelegation")
            .WithSummary("End a delegation from today").WithDescription("One not yet started is dropped; one in force ends yesterday.")
            .ProducesRestProblems(StatusCodes.Status403Forbidden);
        enterprise.MapPost("/head", ChangeHeadAsync).WithName("ChangeHead").WithSummary("Hand the legal entity over to a new head")
            .WithDescription("The new head (a registered user, EMP-05) becomes ADMIN_ENTERPRISE; the caller leaves the enterprise and its " +
                "sessions for it close (Agreement p.8).")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status422UnprocessableEntity);
        enterprise.MapGet("/history", HistoryAsync).WithName("GetEnterpriseHistory").WithSummary("Delegations and head changes, newest first")
            .ProducesRestProblems(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<Branch>>> BranchesAsync(BearerSession bearer, HeadOffice office, CancellationToken ct) =>
        TypedResults.Ok(await office.BranchesAsync(bearer.Context, ct));

    private static async Task<NoContent> DelegateAsync(
        string branchTin, string delegateTin, DelegationBody body, BearerSession bearer, HeadOffice office, CancellationToken ct)
    {
        RequiredFields.Check(("validFrom", body.ValidFrom));
        await office.DelegateAsync(bearer.Context, branchTin, delegateTin,
            RequestDates.RequiredDay(body.ValidFrom, "validFrom"), RequestDates.Day(body.ValidTo, "validTo"), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> EndDelegationAsync(
        string branchTin, string delegateTin, BearerSession bearer, HeadOffice office, CancellationToken ct)
    {
        await office.EndDelegationAsync(bearer.Context, branchTin, delegateTin, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ChangeHeadAsync(ChangeHeadBody body, BearerSession bearer, HeadOffice office, CancellationToken ct)
    {
        RequiredFields.Check(("iin", body.Iin));
        await office.ChangeHeadAsync(bearer.Context, body.Iin, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<EnterpriseHistoryEntry>>> HistoryAsync(BearerSession bearer, HeadOffice office, CancellationToken ct) =>
        TypedResults.Ok(await office.HistoryAsync(bearer.Context, ct));
}
