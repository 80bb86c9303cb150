namespace Esf.Infrastructure.Journal;

/// <summary>The enterprise's invoices still waiting for the worker, and since when the oldest waits.</summary>
public sealed record QueueState(long Waiting, DateTimeOffset? OldestSince);
