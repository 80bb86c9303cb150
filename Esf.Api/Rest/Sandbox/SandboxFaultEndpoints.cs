using Esf.Infrastructure.Errors;
using Dapper;
using Esf.Api.Rest.Problems;
using Esf.Domain.Rules;
using Esf.Infrastructure;
using Esf.Infrastructure.Sandbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Esf.Api.Rest.Sandbox;

/// <summary>
/// A fault on demand. <c>kind</c>: FAIL_NEXT_INVOICES (<c>tin</c>, <c>count</c>, <c>ruleId</c>: the enterprise's next invoices end
/// FAILED with that rule), UNAVAILABLE (<c>count</c>, <c>retryAfterSeconds</c>: the next calls answer 503 with Retry-After), OUTAGE
/// (<c>date</c>, default today, <c>reason</c>: enters the outage-date registry, as a confirmed outage of ИС ЭСФ).
/// </summary>
public sealed record FaultBody(
    string Kind, string? Tin = null, int Count = 1, string? RuleId = null, int RetryAfterSeconds = 5, DateOnly? Date = null, string? Reason = null);

/// <summary>POST /sandbox/faults: make the gateway fail on purpose, so a client's handling of each failure can be tested.</summary>
public static class SandboxFaultEndpoints
{
    public static RouteGroupBuilder MapSandboxFaultEndpoints(this RouteGroupBuilder sandbox)
    {
        sandbox.MapPost("/faults", OrderAsync)
            .WithName("OrderSandboxFault")
            .WithSummary("Order a fault")
            .WithDescription("FAIL_NEXT_INVOICES, UNAVAILABLE or OUTAGE (see the body's description and docs/sandbox.md).")
            .ProducesRestProblems(StatusCodes.Status400BadRequest);
        return sandbox;
    }

    private static async Task<NoContent> OrderAsync(
        FaultBody body, SandboxFaults faults, NpgsqlDataSource database, TimeProvider clock, CancellationToken ct)
    {
        if (body.Count is < 1 or > 10_000)
        {
            throw EsfException.InvalidInput("count must be between 1 and 10000.");
        }

        switch (body.Kind)
        {
            case "FAIL_NEXT_INVOICES":
                RequiredFields.Check(("tin", body.Tin), ("ruleId", body.RuleId));
                var rule = RuleCatalogue.All.FirstOrDefault(r => r.Id == body.RuleId)
                    ?? throw EsfException.InvalidInput($"No rule {body.RuleId} in the catalogue (GET /api/v1/rules).");
                faults.FailNextInvoices(body.Tin!, body.Count, rule);
                break;
            case "UNAVAILABLE":
                faults.AnswerUnavailable(body.Count, Math.Clamp(body.RetryAfterSeconds, 1, 3600));
                break;
            case "OUTAGE":
                await using (var connection = await database.OpenConnectionAsync(ct))
                {
                    await connection.ExecuteAsync(new CommandDefinition("""
                        INSERT INTO outage_dates (outage_date, reason) VALUES (@Date, @Reason)
                        ON CONFLICT (outage_date) DO UPDATE SET reason = excluded.reason
                        """, new { Date = body.Date ?? KazakhstanTime.Today(clock), Reason = body.Reason ?? "Сбой (песочница)" }, cancellationToken: ct));
                }

                break;
            default:
                throw EsfException.InvalidInput("kind must be FAIL_NEXT_INVOICES, UNAVAILABLE or OUTAGE.");
        }

        return TypedResults.NoContent();
    }
}
