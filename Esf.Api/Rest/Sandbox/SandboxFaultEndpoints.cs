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
/// FAILED with that rule), UNAVAILABLE (<c>count</c>, <c>retryAfterSeconds</c>: the next calls answer 503 with Retry-After), TIMEOUT
/// (<c>count</c>, <c>seconds</c>: the next calls are held that long, then their connection is dropped without an answer),
/// HOLD_QUEUE (<c>seconds</c>, <c>tin</c> or everyone: the worker takes no upload of the enterprise until its clock has passed
/// them; 0 lifts the hold), DUPLICATE_WEBHOOK (<c>tin</c>, <c>count</c>: the enterprise's next webhooks are delivered twice, with
/// one delivery id), OUTAGE (<c>date</c>, default today, <c>reason</c>: enters the outage-date registry, as a confirmed outage of ИС ЭСФ).
/// </summary>
public sealed record FaultBody(
    string Kind, string? Tin = null, int Count = 1, string? RuleId = null, int RetryAfterSeconds = 5, int Seconds = 0, DateOnly? Date = null,
    string? Reason = null);

/// <summary>POST /sandbox/faults: make the gateway fail on purpose, so a client's handling of each failure can be tested.</summary>
public static class SandboxFaultEndpoints
{
    /// <summary>A held call keeps a connection and a request open: a few minutes are enough to outlast any client's timeout.</summary>
    private const int MaxTimeoutSeconds = 300;

    private const int MaxHoldSeconds = 86_400;

    public static RouteGroupBuilder MapSandboxFaultEndpoints(this RouteGroupBuilder sandbox)
    {
        sandbox.MapPost("/faults", OrderAsync)
            .WithName("OrderSandboxFault")
            .WithSummary("Order a fault")
            .WithDescription("FAIL_NEXT_INVOICES, UNAVAILABLE, TIMEOUT, HOLD_QUEUE, DUPLICATE_WEBHOOK or OUTAGE (see the body's description and docs/sandbox.md).")
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
            case "TIMEOUT":
                faults.TimeOutNextCalls(body.Count, CheckSeconds(body.Seconds, MaxTimeoutSeconds));
                break;
            case "HOLD_QUEUE":
                // The hold is measured in the enterprise's world, so moving its clock (PUT /sandbox/clock) ends it without waiting.
                EnterpriseScope.Begin(body.Tin);
                faults.HoldQueue(body.Tin, clock.GetUtcNow().AddSeconds(CheckSeconds(body.Seconds, MaxHoldSeconds)));
                break;
            case "DUPLICATE_WEBHOOK":
                RequiredFields.Check(("tin", body.Tin));
                faults.DeliverNextWebhooksTwice(body.Tin!, body.Count);
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
                throw EsfException.InvalidInput("kind must be FAIL_NEXT_INVOICES, UNAVAILABLE, TIMEOUT, HOLD_QUEUE, DUPLICATE_WEBHOOK or OUTAGE.");
        }

        return TypedResults.NoContent();
    }

    private static int CheckSeconds(int seconds, int max) => seconds >= 0 && seconds <= max
        ? seconds
        : throw EsfException.InvalidInput($"seconds must be between 0 and {max}.");
}
