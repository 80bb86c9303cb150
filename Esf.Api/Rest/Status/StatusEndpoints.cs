using Esf.Infrastructure.Status;

namespace Esf.Api.Rest.Status;

/// <summary>GET /api/v1/status: the honest state of the service for every client, without a session.</summary>
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
        return api;
    }
}
