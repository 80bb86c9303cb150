using Microsoft.Extensions.Options;

namespace Esf.Infrastructure;

/// <summary>Refuses to start with a quota of 0 or less: every quota is a bound, there is no "unlimited".</summary>
public sealed class QuotaOptionsValidator : IValidateOptions<QuotaOptions>
{
    public ValidateOptionsResult Validate(string? name, QuotaOptions options) => new OptionsFailures()
        .Positive("Esf:Quotas:ApiKeysPerTenant", options.ApiKeysPerTenant)
        .Positive("Esf:Quotas:WebhooksPerTenant", options.WebhooksPerTenant)
        .Positive("Esf:Quotas:PowersOfAttorneyPerTenant", options.PowersOfAttorneyPerTenant)
        .Positive("Esf:Quotas:OpenIdempotencyKeysPerTenant", options.OpenIdempotencyKeysPerTenant)
        .Positive("Esf:Quotas:IdempotencyKeyRetentionHours", options.IdempotencyKeyRetentionHours)
        .Positive("Esf:Quotas:MaxIdsPerRequest", options.MaxIdsPerRequest)
        .Positive("Esf:Quotas:MaxPageBytes", options.MaxPageBytes)
        .Result;
}
