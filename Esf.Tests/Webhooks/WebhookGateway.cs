using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Webhooks;

/// <summary>A gateway whose webhook dispatcher polls and retries fast, so the scenarios take seconds.</summary>
[SetUpFixture]
public sealed class WebhookGateway
{
    private static GatewayFixture? s_fixture;

    public static GatewayFixture Fixture => s_fixture ?? throw new InvalidOperationException("The webhook gateway did not start.");

    [OneTimeSetUp]
    public async Task StartAsync() => s_fixture = await GatewayFixture.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Esf:Webhooks:PollMilliseconds"] = "100",
        ["Esf:Webhooks:RetryBaseDelayMilliseconds"] = "50",
        ["Esf:Webhooks:MaxAttempts"] = "3",
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
