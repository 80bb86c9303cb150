using Microsoft.Extensions.Options;

namespace Esf.Infrastructure.Webhooks;

/// <summary>Refuses to start with a webhook dispatcher that could not run: periods, attempts and timeouts of 0 or less.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options) => new OptionsFailures()
        .Positive("Esf:Webhooks:PollMilliseconds", options.PollMilliseconds)
        .NotNegative("Esf:Webhooks:RetryBaseDelayMilliseconds", options.RetryBaseDelayMilliseconds)
        .Positive("Esf:Webhooks:MaxAttempts", options.MaxAttempts)
        .Positive("Esf:Webhooks:TimeoutSeconds", options.TimeoutSeconds)
        .Result;
}
