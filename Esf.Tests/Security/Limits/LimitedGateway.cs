using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Limits;

/// <summary>
/// A gateway with tiny rate limits: 5 logins per IP, 5 failed passwords per login, and 20 authenticated calls per enterprise per minute; 127.0.0.2 is its
/// reverse proxy. Tests that spend an IP's login budget call from an address of their own in 127.0.0.0/8.
/// </summary>
[SetUpFixture]
public sealed class LimitedGateway : SharedGateway<LimitedGateway>
{
    public const int Logins = 5;
    public const int TenantCalls = 20;
    public const string Proxy = "127.0.0.2";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Esf:RateLimiting:Enabled"] = "true",
        ["Esf:RateLimiting:LoginPerIpPerMinute"] = Logins.ToString(),
        ["Esf:RateLimiting:PerTenantPerMinute"] = TenantCalls.ToString(),
        ["Esf:RateLimiting:PerIpPerMinute"] = "10000",
        ["Esf:RateLimiting:FailedLoginsPerLogin"] = Logins.ToString(),
        ["Esf:Http:KnownProxies:0"] = Proxy,
    };

}
