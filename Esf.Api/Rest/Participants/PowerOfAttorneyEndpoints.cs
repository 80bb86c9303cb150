using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Participants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.Participants;

/// <summary>/api/v1/powers-of-attorney: who may sign invoices for the session's enterprise (signatureType OPERATOR).</summary>
public static class PowerOfAttorneyEndpoints
{
    public static RouteGroupBuilder MapPowerOfAttorneyEndpoints(this RouteGroupBuilder api)
    {
        var powers = api.MapGroup("/powers-of-attorney").WithTags("Powers of attorney");

        powers.MapPost("/", GrantAsync)
            .WithName("GrantPowerOfAttorney")
            .WithSummary("Give a person a power of attorney")
            .WithDescription("Only the head of the enterprise (ADMIN_ENTERPRISE or ENTREPRENEUR), in a session, may grant.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity);

        powers.MapGet("/", ListAsync)
            .WithName("ListPowersOfAttorney")
            .WithSummary("The enterprise's powers of attorney")
            .WithDescription("Every power of attorney the enterprise gave, revoked ones included.");

        powers.MapDelete("/{id:long}", RevokeAsync)
            .WithName("RevokePowerOfAttorney")
            .WithSummary("Revoke a power of attorney")
            .WithDescription("Another enterprise's id answers 404 like a missing one.")
            .ProducesRestProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<Created<PowerOfAttorney>> GrantAsync(
        GrantPowerOfAttorneyBody body, BearerSession bearer, PowersOfAttorney powers, CancellationToken ct)
    {
        RequiredFields.Check(("attorneyIin", body.AttorneyIin));
        var power = await powers.GrantAsync(bearer.Context, body.AttorneyIin,
            RequestDates.RequiredDay(body.ValidFrom, "validFrom"), RequestDates.RequiredDay(body.ValidTo, "validTo"), ct);
        return TypedResults.Created($"{RestEndpointExtensions.RoutePrefix}/powers-of-attorney/{power.Id}", power);
    }

    private static async Task<Ok<IReadOnlyList<PowerOfAttorney>>> ListAsync(BearerSession bearer, PowersOfAttorney powers, CancellationToken ct) =>
        TypedResults.Ok(await powers.ListAsync(bearer.Context.Tin, ct));

    private static async Task<NoContent> RevokeAsync(long id, BearerSession bearer, PowersOfAttorney powers, CancellationToken ct) =>
        await powers.RevokeAsync(bearer.Context, id, ct) ? TypedResults.NoContent() : throw EsfException.NotFound($"No power of attorney {id}.");
}
