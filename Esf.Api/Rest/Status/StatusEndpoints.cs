using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Status;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.Status;

/// <summary>
/// GET /api/v1/status: the honest state of the service for every client, without a session; GET /api/v1/registry/outage-dates:
/// the outage-date registry by period, public like the status it feeds.
/// </summary>
public static class StatusEndpoints
{
    public static RouteGroupBuilder MapStatusEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/status", async (ServiceStatusReader reader, CancellationToken ct) => TypedResults.Ok(await reader.ReadAsync(ct)))
            .WithTags("Status")
            .WithName("GetServiceStatus")
            .WithSummary("The service's state, outages and queue")
            .WithDescription("AVAILABLE, DEGRADED (an invoice waits longer than 5 minutes), MAINTENANCE (today is a declared outage, since " +
                "outageSince) or FAILURE (the database cannot be read); the current and planned outages of the outage-date registry, the " +
                "queue depth and the age of the oldest unregistered invoice in seconds.");

        api.MapGet("/registry/outage-dates", ReadOutagesAsync)
            .WithTags("Status")
            .WithName("GetOutageDates")
            .WithSummary("The outage-date registry of a period")
            .WithDescription("The days from `from` to `to` (dd.MM.yyyy or yyyy-MM-dd, both included, at most 366 days) on which the authorised " +
                "body confirmed a technical error or planned works, with the reason: the only dates a paper invoice with reasonPaper DOWN_TIME " +
                "(«Техническая ошибка или плановые работы») may carry in datePaper (2.1; rule A-08).")
            .ProducesRestProblems(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<Ok<OutageDates>> ReadOutagesAsync(string? from, string? to, OutageRegistry registry, CancellationToken ct) =>
        TypedResults.Ok(new OutageDates(await registry.ReadAsync(RequestDates.RequiredDay(from, "from"), RequestDates.RequiredDay(to, "to"), ct)));
}
