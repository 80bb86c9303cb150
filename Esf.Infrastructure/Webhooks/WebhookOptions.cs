namespace Esf.Infrastructure.Webhooks;

/// <summary>Esf:Webhooks: how often the dispatcher looks for new changes and how it retries a failing receiver.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Esf:Webhooks";

    public int PollMilliseconds { get; set; } = 1_000;

    /// <summary>First retry delay; each next one doubles (with jitter).</summary>
    public int RetryBaseDelayMilliseconds { get; set; } = 1_000;

    /// <summary>Attempts per dispatch pass; after them the change waits for the next pass (never skipped).</summary>
    public int MaxAttempts { get; set; } = 4;

    public int TimeoutSeconds { get; set; } = 10;
}
