namespace Esf.Infrastructure.Webhooks;

/// <summary>Esf:Webhooks: how often the dispatcher looks for new changes, how it retries a failing receiver, which receivers it may reach.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Esf:Webhooks";

    public int PollMilliseconds { get; set; } = 1_000;

    /// <summary>First retry delay; each next one doubles (with jitter).</summary>
    public int RetryBaseDelayMilliseconds { get; set; } = 1_000;

    /// <summary>Attempts per dispatch pass; after them the change waits for the next pass (never skipped).</summary>
    public int MaxAttempts { get; set; } = 4;

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Dispatches running at once, one per enterprise at most: a silent receiver holds up only its own enterprise (review M2).
    /// </summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>
    /// Seconds one subscription's dispatch may take before it stops and frees its place; it resumes from its cursor at the
    /// next look. Must stay under <see cref="LeaseSeconds"/> minus <see cref="TimeoutSeconds"/>.
    /// </summary>
    public int DispatchBudgetSeconds { get; set; } = 60;

    /// <summary>How long a dispatcher holds a subscription; no other worker delivers to it meanwhile (in feed order).</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>
    /// Lets webhooks reach loopback, private and link-local addresses: only for tests and closed networks whose receivers
    /// live there (docs/adr/0007-webhook-targets.md). Off, subscriptions and deliveries to them are refused.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
