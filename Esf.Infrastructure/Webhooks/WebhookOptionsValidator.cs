using Microsoft.Extensions.Options;

namespace Esf.Infrastructure.Webhooks;

/// <summary>
/// Refuses to start with a webhook dispatcher that could not run (periods, attempts, timeouts of 0 or less) or whose lease
/// could end under a running dispatch.
/// </summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options) => new OptionsFailures()
        .Positive("Esf:Webhooks:PollMilliseconds", options.PollMilliseconds)
        .NotNegative("Esf:Webhooks:RetryBaseDelayMilliseconds", options.RetryBaseDelayMilliseconds)
        .Positive("Esf:Webhooks:MaxAttempts", options.MaxAttempts)
        .Positive("Esf:Webhooks:TimeoutSeconds", options.TimeoutSeconds)
        .Positive("Esf:Webhooks:Parallelism", options.Parallelism)
        .Positive("Esf:Webhooks:DispatchBudgetSeconds", options.DispatchBudgetSeconds)
        .Require(options.LeaseSeconds > options.DispatchBudgetSeconds + options.TimeoutSeconds,
            "Esf:Webhooks:LeaseSeconds must be above DispatchBudgetSeconds + TimeoutSeconds: a lease that ends while its dispatch "
            + "still works lets a second worker deliver the same subscription out of order.")
        .Result;
}
