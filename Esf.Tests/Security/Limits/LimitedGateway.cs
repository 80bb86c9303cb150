using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Limits;

/// <summary>A gateway with tiny rate limits: 5 logins per IP and 20 REST calls per session per minute.</summary>
[SetUpFixture]
public sealed class LimitedGateway
{
    public const int Logins = 5;
    public const int SessionCalls = 20;

    private static GatewayFixture? s_fixture;

    public static GatewayFixture Fixture => s_fixture ?? throw new InvalidOperationException("The limited gateway did not start.");

    [OneTimeSetUp]
    public async Task StartAsync() => s_fixture = await GatewayFixture.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Esf:RateLimiting:Enabled"] = "true",
        ["Esf:RateLimiting:LoginPerIpPerMinute"] = Logins.ToString(),
        ["Esf:RateLimiting:PerSessionPerMinute"] = SessionCalls.ToString(),
        ["Esf:RateLimiting:PerIpPerMinute"] = "10000",
    });

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (s_fixture is not null)
        {
            await s_fixture.DisposeAsync();
        }
    }
}
