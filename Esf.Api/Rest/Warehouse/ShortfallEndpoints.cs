using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Warehouse;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.Warehouse;

/// <summary>
/// /api/v1/warehouse-shortfalls: what system annulments of invoices (a waybill's revocation or decline, the ОГД) could not take
/// back from the enterprise's goods lines because it had sold the goods on (issue 13, ADR 0033 amendment). Only the enterprise
/// whose line fell short sees a shortfall.
/// </summary>
public static class ShortfallEndpoints
{
    public static RouteGroupBuilder MapShortfallEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/warehouse-shortfalls", ListAsync).WithTags("Virtual warehouse").WithName("ListWarehouseShortfalls")
            .WithSummary("The shortfalls of system annulments on the enterprise's goods lines, oldest first")
            .WithDescription("A page of at most `limit` (default 100, at most 1000) after the shortfall id `after`; `next` is the next page's " +
                "`after` (null: none). Filters: `invoiceId` (the annulled invoice), `from` and `to` (days, dd.MM.yyyy or yyyy-MM-dd, both " +
                "included, Kazakhstan time) on when the shortfall was recorded.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<Ok<ShortfallPage>> ListAsync(BearerSession bearer, WarehouseShortfalls shortfalls, CancellationToken ct,
        long after = 0, int limit = 100, long? invoiceId = null, string? from = null, string? to = null)
    {
        if (limit is < 1 or > WarehouseShortfalls.MaxLimit)
        {
            throw EsfException.InvalidInput($"limit must be between 1 and {WarehouseShortfalls.MaxLimit}.");
        }

        var query = new ShortfallQuery(after, limit, invoiceId, RequestDates.Day(from, "from"), RequestDates.Day(to, "to"));
        if (query.From > query.To)
        {
            throw EsfException.InvalidInput("from must not be after to.");
        }

        var page = await shortfalls.ListAsync(bearer.Context, query, ct);
        return TypedResults.Ok(new ShortfallPage(page, page.Count == limit ? page[^1].Id : null));
    }
}

/// <summary>A page of shortfalls, oldest first; <c>next</c> is the <c>after</c> of the next page (null: none).</summary>
public sealed record ShortfallPage(IReadOnlyList<ShortfallRecord> Shortfalls, long? Next);
