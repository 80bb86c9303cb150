using System.Threading.RateLimiting;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Sessions;
using Microsoft.Extensions.Options;

namespace Esf.Api.Hosting;

/// <summary>
/// <see cref="ITenantRequestBudget"/> as a fixed one-minute window of <c>Esf:RateLimiting:PerTenantPerMinute</c> requests per
/// enterprise. It is charged once the credential is known (a SOAP session sits in the envelope, an API key must be looked up),
/// which the request-level limiter of <see cref="RateLimitingSetup"/> cannot see.
/// </summary>
public sealed class TenantRateLimiter(IOptions<RateLimitingOptions> options) : ITenantRequestBudget, IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = RateLimitingSetup.FixedWindowPerKey<string>(
        options.Value.Enabled ? options.Value.PerTenantPerMinute : 0, tin => "tenant:" + tin);

    public void Charge(string tin)
    {
        using var lease = limiter.AttemptAcquire(tin);
        if (!lease.IsAcquired)
        {
            throw new TooManyRequestsException(RateLimitingSetup.RetryAfter(lease));
        }
    }

    public (int Limit, long Remaining)? Left(string tin) =>
        options.Value is { Enabled: true, PerTenantPerMinute: > 0 } limits && limiter.GetStatistics(tin) is { } statistics
            ? (limits.PerTenantPerMinute, statistics.CurrentAvailablePermits)
            : null;

    public void Dispose() => limiter.Dispose();
}
