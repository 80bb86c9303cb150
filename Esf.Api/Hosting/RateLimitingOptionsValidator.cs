using Esf.Infrastructure;
using Microsoft.Extensions.Options;

namespace Esf.Api.Hosting;

/// <summary>Limits are 0 (off) or positive: a negative one is a typo, which would otherwise switch the limit off without a word.</summary>
public sealed class RateLimitingOptionsValidator : IValidateOptions<RateLimitingOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitingOptions options) => new OptionsFailures()
        .NotNegative("Esf:RateLimiting:PerIpPerMinute", options.PerIpPerMinute)
        .NotNegative("Esf:RateLimiting:PerTenantPerMinute", options.PerTenantPerMinute)
        .NotNegative("Esf:RateLimiting:LoginPerIpPerMinute", options.LoginPerIpPerMinute)
        .NotNegative("Esf:RateLimiting:VerifyPerIpPerMinute", options.VerifyPerIpPerMinute)
        .NotNegative("Esf:RateLimiting:FailedLoginsPerLogin", options.FailedLoginsPerLogin)
        .Positive("Esf:RateLimiting:LoginLockoutMinutes", options.LoginLockoutMinutes)
        .Result;
}
