namespace Esf.Infrastructure.Status;

/// <summary>
/// The service's state for every client: AVAILABLE, DEGRADED (the queue lags), MAINTENANCE (a declared outage today) or
/// FAILURE (the database cannot be read), with the outages known and the queue.
/// </summary>
public sealed record ServiceStatus(
    string State, DateOnly? OutageSince, IReadOnlyList<Outage> CurrentOutages, IReadOnlyList<Outage> PlannedOutages, long QueueDepth,
    double? OldestUnregisteredAgeSeconds);

/// <summary>A day of the outage-date registry (outage_dates) and its reason.</summary>
public sealed record Outage(DateOnly Date, string? Reason);
