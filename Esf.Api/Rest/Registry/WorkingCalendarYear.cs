using Esf.Infrastructure.Registry;

namespace Esf.Api.Rest.Registry;

/// <summary>The answer of <c>GET /api/v1/registry/calendar?year=</c>: the year and the days its calendar lists, in date order.</summary>
public sealed record WorkingCalendarYear(int Year, IReadOnlyList<CalendarDay> Days);
