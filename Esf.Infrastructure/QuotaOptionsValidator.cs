using Microsoft.Extensions.Options;

namespace Esf.Infrastructure;

/// <summary>Refuses to start with a quota of 0 or less: every quota is a bound, there is no "unlimited".</summary>
public sealed class QuotaOptionsValidator : IValidateOptions<QuotaOptions>
{
    private const int MaxStreamRecheckSeconds = 30;

    public ValidateOptionsResult Validate(string? name, QuotaOptions options) => new OptionsFailures()
        .Positive("Esf:Quotas:ApiKeysPerTenant", options.ApiKeysPerTenant)
        .Positive("Esf:Quotas:WebhooksPerTenant", options.WebhooksPerTenant)
        .Positive("Esf:Quotas:PowersOfAttorneyPerTenant", options.PowersOfAttorneyPerTenant)
        .Positive("Esf:Quotas:OpenIdempotencyKeysPerTenant", options.OpenIdempotencyKeysPerTenant)
        .Positive("Esf:Quotas:IdempotencyKeyRetentionHours", options.IdempotencyKeyRetentionHours)
        .Positive("Esf:Quotas:MaxIdsPerRequest", options.MaxIdsPerRequest)
        .Positive("Esf:Quotas:MaxPageBytes", options.MaxPageBytes)
        .Positive("Esf:Quotas:ConcurrentStreamsPerTenant", options.ConcurrentStreamsPerTenant)
        .Require(options.StreamRecheckSeconds is >= 0 and <= MaxStreamRecheckSeconds,
            $"Esf:Quotas:StreamRecheckSeconds must be between 0 and {MaxStreamRecheckSeconds}: a stream outlives a closed session at most that long.")
        .Result;
}
