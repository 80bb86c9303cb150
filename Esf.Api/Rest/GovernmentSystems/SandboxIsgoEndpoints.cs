using Esf.Api.Rest.Problems;
using Esf.Domain.GovernmentSystems;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.GovernmentSystems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.GovernmentSystems;

/// <summary>What the simulated government side answers: a status, the invoices included (for the decision) and a note.</summary>
public sealed record GovernmentAnswerBody(string? Status, IReadOnlyList<long>? IncludedInvoiceIds, string? Note);

/// <summary>A refusal the simulated ШЭП gives the next submission of a request.</summary>
public sealed record ShepRefusalBody(string? Reason);

/// <summary>
/// /api/v1/sandbox/isgo/requests/{id}: drives the simulated government side, so an integrator sees every request status,
/// «Не принят ШЭП» included, without a real ИС ГО.
/// </summary>
public static class SandboxIsgoEndpoints
{
    public static RouteGroupBuilder MapSandboxIsgoEndpoints(this RouteGroupBuilder sandbox)
    {
        sandbox.MapPost("/isgo/requests/{id:long}/shep-refusal", (long id, ShepRefusalBody body, SimulatedStateSupportGateway shep) =>
            {
                shep.RefuseNext(id, string.IsNullOrWhiteSpace(body.Reason) ? "Не принят ШЭП" : body.Reason);
                return TypedResults.NoContent();
            })
            .WithName("RefuseIsgoRequestAtShep")
            .WithSummary("Make the simulated ШЭП refuse the request when the counterparty confirms it («Не принят ШЭП»)");
        sandbox.MapPost("/isgo/requests/{id:long}/answer", AnswerAsync)
            .WithName("AnswerIsgoRequest")
            .WithSummary("Answer as the state body: DELIVERED_TO_ISGO, INCLUDED_IN_APPLICATION (includedInvoiceIds; null = all), " +
                "NOT_INCLUDED_IN_APPLICATION, SUBSIDY_PAID or SUPPORT_REFUSED (note: the reason)")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        return sandbox;
    }

    private static async Task<NoContent> AnswerAsync(long id, GovernmentAnswerBody body, IsgoRequestService service, CancellationToken ct)
    {
        if (body.Status is null || !IsgoRequestStatusNames.TryParse(body.Status, out var status))
        {
            throw EsfException.InvalidInput($"status: one of {string.Join(", ", IsgoGovernmentAnswer.FromGovernment.Select(s => s.ToWire()))}.");
        }

        await service.RecordGovernmentAnswerAsync(id, new IsgoGovernmentAnswer(status, body.IncludedInvoiceIds, body.Note), ct);
        return TypedResults.NoContent();
    }
}
