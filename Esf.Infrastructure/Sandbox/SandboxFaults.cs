using System.Collections.Concurrent;
using Esf.Domain.Rules;

namespace Esf.Infrastructure.Sandbox;

/// <summary>
/// Faults on demand, held in this process and used up one by one: the next N invoices of an enterprise fail with a chosen
/// rule (beside whatever else the control finds), the next N calls answer 503 with Retry-After or are held and dropped
/// (a timeout), the queue of an enterprise (or everyone's) is held until its clock passes an instant, and the next N
/// webhooks of an enterprise are delivered twice. Nothing is ever set while the sandbox is off (its endpoints are fenced),
/// so the gateway's normal path only reads empty counters.
/// </summary>
public sealed class SandboxFaults
{
    /// <summary>The key of a hold of every enterprise's queue.</summary>
    private const string Everyone = "";

    private readonly ConcurrentDictionary<string, (int Remaining, RuleDefinition Rule)> failing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Remaining, bool Twice)> doubledWebhooks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> heldUntil = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private (int Remaining, int RetryAfterSeconds) unavailable;
    private (int Remaining, int Seconds) timeouts;

    public void FailNextInvoices(string tin, int count, RuleDefinition rule) => failing[tin] = (count, rule);

    /// <summary>The violation the next invoice of <paramref name="tin"/> gets, using one up; null when none is pending.</summary>
    public RuleViolation? TakeInvoiceFailure(string? tin) =>
        TakeOne(failing, tin) is { } rule ? rule.Violation("invoice", "ошибка, вызванная песочницей (sandbox fault)") : null;

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
            return TakeOne(ref unavailable.Remaining) ? unavailable.RetryAfterSeconds : null;
        }
    }

    public void TimeOutNextCalls(int count, int seconds)
    {
        lock (gate)
        {
            timeouts = (count, seconds);
        }
    }

    /// <summary>How long the next call is held before its connection is dropped, using one up; null when it is answered.</summary>
    public int? TakeTimeout()
    {
        lock (gate)
        {
            return TakeOne(ref timeouts.Remaining) ? timeouts.Seconds : null;
        }
    }

    /// <summary>Holds the queue of <paramref name="tin"/> (null: every enterprise's) until that world's clock reaches <paramref name="until"/>.</summary>
    public void HoldQueue(string? tin, DateTimeOffset until) => heldUntil[tin ?? Everyone] = until;

    /// <summary>Whether the uploads of <paramref name="tin"/> must wait, at <paramref name="now"/> by the clock of its world.</summary>
    public bool IsQueueHeld(string? tin, DateTimeOffset now) =>
        (heldUntil.TryGetValue(Everyone, out var all) && now < all) || (tin is not null && heldUntil.TryGetValue(tin, out var own) && now < own);

    /// <summary>Whether any queue has been held (until a reset of the process): only then does the worker look the uploader up before its claim.</summary>
    public bool HoldsAnyQueue => !heldUntil.IsEmpty;

    public void DeliverNextWebhooksTwice(string tin, int count) => doubledWebhooks[tin] = (count, true);

    /// <summary>Whether the webhook just delivered for <paramref name="tin"/> must be delivered again, using one up.</summary>
    public bool TakeWebhookRepeat(string tin) => TakeOne(doubledWebhooks, tin);

    /// <summary>Forgets an enterprise's pending faults (on reset).</summary>
    public void Clear(string tin)
    {
        failing.TryRemove(tin, out _);
        doubledWebhooks.TryRemove(tin, out _);
        heldUntil.TryRemove(tin, out _);
    }

    /// <summary>Uses one of an enterprise's pending faults up and answers its value; default when none is pending.</summary>
    private T? TakeOne<T>(ConcurrentDictionary<string, (int Remaining, T Value)> pending, string? tin)
    {
        lock (gate)
        {
            if (tin is null || !pending.TryGetValue(tin, out var fault) || fault.Remaining <= 0)
            {
                return default;
            }

            pending[tin] = fault with { Remaining = fault.Remaining - 1 };
            return fault.Value;
        }
    }

    private static bool TakeOne(ref int remaining)
    {
        if (remaining <= 0)
        {
            return false;
        }

        remaining--;
        return true;
    }
}
