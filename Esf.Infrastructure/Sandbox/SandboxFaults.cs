using System.Collections.Concurrent;
using Esf.Domain.Rules;

namespace Esf.Infrastructure.Sandbox;

/// <summary>
/// Faults on demand, held in this process and used up one by one: the next N invoices of an enterprise fail with a chosen
/// rule (beside whatever else the control finds), and the next N calls answer 503 with Retry-After. Nothing is ever set
/// while the sandbox is off (its endpoints are fenced), so the gateway's normal path only reads two empty counters.
/// </summary>
public sealed class SandboxFaults
{
    private readonly ConcurrentDictionary<string, (int Remaining, RuleDefinition Rule)> failing = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private (int Remaining, int RetryAfterSeconds) unavailable;

    public void FailNextInvoices(string tin, int count, RuleDefinition rule) => failing[tin] = (count, rule);

    /// <summary>The violation the next invoice of <paramref name="tin"/> gets, using one up; null when none is pending.</summary>
    public RuleViolation? TakeInvoiceFailure(string? tin)
    {
        lock (gate)
        {
            if (tin is null || !failing.TryGetValue(tin, out var fault) || fault.Remaining <= 0)
            {
                return null;
            }

            failing[tin] = fault with { Remaining = fault.Remaining - 1 };
            return fault.Rule.Violation("invoice", "ошибка, вызванная песочницей (sandbox fault)");
        }
    }

    public void AnswerUnavailable(int count, int retryAfterSeconds)
    {
        lock (gate)
        {
            unavailable = (count, retryAfterSeconds);
        }
    }

    /// <summary>The Retry-After of the next call when it must answer 503, using one up; null otherwise.</summary>
    public int? TakeUnavailable()
    {
        lock (gate)
        {
            if (unavailable.Remaining <= 0)
            {
                return null;
            }

            unavailable = unavailable with { Remaining = unavailable.Remaining - 1 };
            return unavailable.RetryAfterSeconds;
        }
    }

    /// <summary>Forgets an enterprise's pending invoice failures (on reset).</summary>
    public void Clear(string tin) => failing.TryRemove(tin, out _);
}
