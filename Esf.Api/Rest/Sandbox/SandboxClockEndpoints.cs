using Esf.Infrastructure.Errors;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Sandbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.Sandbox;

/// <summary>A clock offset for one enterprise (<c>tin</c>) or every world (no tin): ahead by days, hours and seconds.</summary>
public sealed record SetClockBody(string? Tin = null, int Days = 0, int Hours = 0, int Seconds = 0);

/// <summary>The offset now in force and the time it gives that world.</summary>
public sealed record ClockView(string? Tin, double OffsetSeconds, DateTimeOffset Now);

/// <summary>PUT /sandbox/clock: moves one enterprise's world (or all) in time, so deadlines are crossed in a second.</summary>
public static class SandboxClockEndpoints
{
    public static RouteGroupBuilder MapSandboxClockEndpoints(this RouteGroupBuilder sandbox)
    {
        sandbox.MapPut("/clock", Set)
            .WithName("SetSandboxClock")
            .WithSummary("Move the clock of one enterprise's world, or of all")
            .WithDescription("Every time-dependent rule reads this clock for requests of the enterprise's sessions and for its uploads: the " +
                "10-day decline window, the 15-day additional-invoice window, turnover dates, certificate dates. The offset replaces the " +
                "previous one (0 puts the world back); an enterprise's own offset adds to everyone's.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest);
        return sandbox;
    }

    private static Ok<ClockView> Set(SetClockBody body, SandboxClock clock)
    {
        var offset = new TimeSpan(body.Days, body.Hours, 0, body.Seconds);
        if (offset.Duration() > TimeSpan.FromDays(3660))
        {
            throw EsfException.InvalidInput("The offset must stay within ten years.");
        }

        clock.Move(body.Tin, offset);
        EnterpriseScope.Begin(body.Tin);
        return TypedResults.Ok(new ClockView(body.Tin, clock.OffsetOf(body.Tin).TotalSeconds, clock.GetUtcNow()));
    }
}
