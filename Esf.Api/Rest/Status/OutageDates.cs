using Esf.Infrastructure.Status;

namespace Esf.Api.Rest.Status;

/// <summary>The outage dates of the period asked for, oldest first.</summary>
public sealed record OutageDates(IReadOnlyList<Outage> Outages);
