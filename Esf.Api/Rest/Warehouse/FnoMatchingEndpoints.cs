using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Domain.Warehouse;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Warehouse;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.Warehouse;

/// <summary>
/// /api/v1/snt/{id}/fno-matching: «Сопоставление первичной импортной СНТ с ФНО 328.00» (seed 001 L2500–2513). The waybill's buyer
/// (the importer) pairs each line of origin 1 or 2 with a position of its ФНО 328.00; the rules VS-30 … VS-36 answer 422.
/// </summary>
public static class FnoMatchingEndpoints
{
    public static RouteGroupBuilder MapFnoMatchingEndpoints(this RouteGroupBuilder api)
    {
        var matching = api.MapGroup("/snt/{id:long}/fno-matching").WithTags("Virtual warehouse");
        matching.MapPost("/", MatchAsync).WithName("MatchWaybillWithFno328")
            .WithSummary("Match a primary import waybill's lines of origin 1 or 2 with the importer's ФНО 328.00 positions")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status422UnprocessableEntity);
        matching.MapGet("/", ListAsync).WithName("GetWaybillFno328Matching").WithSummary("The waybill's matching with ФНО 328.00 (empty: not matched)")
            .ProducesRestProblems(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<FnoMatchingRecord>>> MatchAsync(
        long id, FnoMatchingBody body, BearerSession bearer, FnoMatchings matchings, CancellationToken ct) =>
        TypedResults.Ok(await matchings.MatchAsync(bearer.Context, id, Lines(body), ct));

    private static async Task<Ok<IReadOnlyList<FnoMatchingRecord>>> ListAsync(long id, BearerSession bearer, FnoMatchings matchings, CancellationToken ct) =>
        TypedResults.Ok(await matchings.ListAsync(bearer.Context, id, ct));

    private static List<FnoMatchLine> Lines(FnoMatchingBody body)
    {
        if (body.Lines is not { Count: > 0 } lines)
        {
            throw EsfException.InvalidInput("lines: укажите хотя бы одну строку сопоставления (at least one line).", "FIELD_IS_NULL");
        }

        return [.. lines.Select((l, i) => l is { Section: > 0, Position: > 0, FnoPosition: > 0 } && !string.IsNullOrWhiteSpace(l.FnoNumber)
            ? new FnoMatchLine(l.Section.Value, l.Position.Value, l.FnoNumber.Trim(), l.FnoPosition.Value)
            : throw EsfException.InvalidInput($"lines[{i}]: section, position, fnoNumber and fnoPosition are required (positive numbers)."))];
    }
}

/// <summary>The matching: each line names a waybill line (section, position: G1 «section/position») and the ФНО 328.00 position.</summary>
public sealed record FnoMatchingBody(List<FnoMatchingLineBody?>? Lines);

public sealed record FnoMatchingLineBody(int? Section, int? Position, string? FnoNumber, int? FnoPosition);
