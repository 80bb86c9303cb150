using System.Threading.RateLimiting;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Sessions;
using Microsoft.Extensions.Options;

namespace Esf.Api.Hosting;

/// <summary>
/// <see cref="ILoginLockout"/> as a fixed window per login: <c>Esf:RateLimiting:FailedLoginsPerLogin</c> failures per
/// <c>Esf:RateLimiting:LoginLockoutMinutes</c>. Kept in the process, like the other limits (each gateway counts its own).
/// </summary>
public sealed class LoginLockout(IOptions<RateLimitingOptions> options) : ILoginLockout, IDisposable
{
    private readonly PartitionedRateLimiter<string> failures = RateLimitingSetup.FixedWindowPerKey<string>(
        options.Value.Enabled ? options.Value.FailedLoginsPerLogin : 0, TimeSpan.FromMinutes(options.Value.LoginLockoutMinutes),
        login => "login:" + login);

    public void EnsureNotLockedOut(string login)
    {
        // Zero permits asks whether any failure is left in the window without spending one.
        using var probe = failures.AttemptAcquire(login, permitCount: 0);
        if (!probe.IsAcquired)
        {
            throw new TooManyRequestsException(RateLimitingSetup.RetryAfter(probe));
        }
    }

    public void Failed(string login) => failures.AttemptAcquire(login).Dispose();

    public void Dispose() => failures.Dispose();
}
