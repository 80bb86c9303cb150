using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Limits;

/// <summary>A gateway with tiny rate limits: 5 logins per IP and 20 REST calls per session per minute.</summary>
[SetUpFixture]
public sealed class LimitedGateway : SharedGateway<LimitedGateway>
{
    public const int Logins = 5;
    public const int SessionCalls = 20;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Esf:RateLimiting:Enabled"] = "true",
        ["Esf:RateLimiting:LoginPerIpPerMinute"] = Logins.ToString(),
        ["Esf:RateLimiting:PerSessionPerMinute"] = SessionCalls.ToString(),
        ["Esf:RateLimiting:PerIpPerMinute"] = "10000",
    };
}
