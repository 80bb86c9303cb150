using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Domain.Employees;
using Esf.Infrastructure.Employees;
using Esf.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using People = Esf.Infrastructure.Employees.Employees;

namespace Esf.Api.Rest.Employees;

/// <summary>
/// /api/v1/employees: the head of an enterprise manages its people and their rights (Rules p.11; ADR 0037). Every change is a
/// PUT or a DELETE of a state, so a client may repeat it; another enterprise's person answers 404 like a missing one.
/// </summary>
public static class EmployeeEndpoints
{
    private const string HeadOnly = "Only the head of the enterprise (ADMIN_ENTERPRISE or ENTREPRENEUR), in a session, may call it (EMP-04).";

    public static RouteGroupBuilder MapEmployeeEndpoints(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/employees").WithTags("Employees");

        people.MapGet("/", ListAsync).WithName("ListEmployees").WithSummary("The enterprise's people and their rights")
            .WithDescription(HeadOnly).ProducesRestProblems(StatusCodes.Status403Forbidden);
        people.MapGet("/me", OwnRightsOf).WithName("GetOwnRights").WithSummary("What the session's own person may do today")
            .WithDescription("Any session or API key: a head holds every right; an employee the rights whose term covers today.");
        people.MapGet("/history", HistoryAsync).WithName("GetEmployeeHistory").WithSummary("Who changed what about the people, and when")
            .WithDescription(HeadOnly + " Newest first; one person's with ?iin=.").ProducesRestProblems(StatusCodes.Status403Forbidden);
        people.MapGet("/{iin}", GetAsync).WithName("GetEmployee").WithSummary("One employee and its rights")
            .WithDescription(HeadOnly).ProducesRestProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        people.MapPut("/{iin}", AddAsync).WithName("AddEmployee").WithSummary("Enrol a registered user as an employee")
            .WithDescription(HeadOnly + " The person is a user of ИС ЭСФ (EMP-05), possibly of other enterprises too; it starts without " +
                "rights. 201 when added, 200 when it already was an employee.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict);
        people.MapDelete("/{iin}", RemoveAsync).WithName("RemoveEmployee").WithSummary("Remove an employee from the enterprise")
            .WithDescription(HeadOnly + " Its rights go and its sessions for the enterprise close.")
            .ProducesRestProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        people.MapPut("/{iin}/rights/{right}", GrantAsync).WithName("GrantEmployeeRight").WithSummary("Grant a right with its term")
            .WithDescription(HeadOnly + " right: VIEW, CREATE, SIGN or CHANGE_STATUS. Granting again replaces the term; an entrepreneur's " +
                "employee never signs (EMP-03).")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        people.MapDelete("/{iin}/rights/{right}", WithdrawAsync).WithName("WithdrawEmployeeRight").WithSummary("Withdraw a right")
            .WithDescription(HeadOnly).ProducesRestProblems(
                StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        people.MapPut("/{iin}/block", BlockAsync).WithName("BlockEmployee").WithSummary("Block an employee in the enterprise")
            .WithDescription(HeadOnly + " Its sessions and API keys for the enterprise are refused from the next request (EMP-02).")
            .ProducesRestProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        people.MapDelete("/{iin}/block", UnblockAsync).WithName("UnblockEmployee").WithSummary("Unblock an employee")
            .WithDescription(HeadOnly).ProducesRestProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<Employee>>> ListAsync(BearerSession bearer, People people, CancellationToken ct) =>
        TypedResults.Ok(await people.ListAsync(bearer.Context, ct));

    private static Ok<OwnRights> OwnRightsOf(BearerSession bearer) => TypedResults.Ok(new OwnRights(
        bearer.Context.Login, bearer.Context.Tin, bearer.Context.BusinessProfileType, bearer.Context.Authority.IsRestricted,
        People.OwnRights(bearer.Context)));

    private static async Task<Ok<IReadOnlyList<EmployeeHistoryEntry>>> HistoryAsync(
        string? iin, BearerSession bearer, People people, CancellationToken ct) => TypedResults.Ok(await people.HistoryAsync(bearer.Context, iin, ct));

    private static async Task<Ok<Employee>> GetAsync(string iin, BearerSession bearer, People people, CancellationToken ct) =>
        TypedResults.Ok(await people.GetAsync(bearer.Context, iin, ct));

    private static async Task<Results<Created<Employee>, Ok<Employee>>> AddAsync(string iin, BearerSession bearer, People people, CancellationToken ct)
    {
        var (employee, added) = await people.AddAsync(bearer.Context, iin, ct);
        return added ? TypedResults.Created($"{RestEndpointExtensions.RoutePrefix}/employees/{iin}", employee) : TypedResults.Ok(employee);
    }

    private static async Task<NoContent> RemoveAsync(string iin, BearerSession bearer, People people, CancellationToken ct)
    {
        await people.RemoveAsync(bearer.Context, iin, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Employee>> GrantAsync(
        string iin, string right, GrantRightBody body, BearerSession bearer, People people, CancellationToken ct)
    {
        RequiredFields.Check(("validFrom", body.ValidFrom));
        return TypedResults.Ok(await people.GrantAsync(bearer.Context, iin, Right(right),
            RequestDates.RequiredDay(body.ValidFrom, "validFrom"), RequestDates.Day(body.ValidTo, "validTo"), ct));
    }

    private static async Task<NoContent> WithdrawAsync(string iin, string right, BearerSession bearer, People people, CancellationToken ct)
    {
        await people.WithdrawAsync(bearer.Context, iin, Right(right), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> BlockAsync(string iin, BearerSession bearer, People people, CancellationToken ct)
    {
        await people.SetBlockedAsync(bearer.Context, iin, blocked: true, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> UnblockAsync(string iin, BearerSession bearer, People people, CancellationToken ct)
    {
        await people.SetBlockedAsync(bearer.Context, iin, blocked: false, ct);
        return TypedResults.NoContent();
    }

    private static EmployeeRight Right(string wire) => EmployeeRights.FromWire(wire)
        ?? throw EsfException.InvalidInput($"right: one of {string.Join(", ", EmployeeRights.All.Select(r => r.ToWire()))}, not «{wire}».");
}
