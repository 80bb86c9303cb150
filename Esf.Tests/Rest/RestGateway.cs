using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Rest;

/// <summary>One running gateway (with its worker) for every REST scenario; each test makes its own tenant, so they never collide.</summary>
[SetUpFixture]
public sealed class RestGateway
{
    private static GatewayFixture? s_fixture;

    public static GatewayFixture Fixture => s_fixture ?? throw new InvalidOperationException("The REST gateway did not start.");

    [OneTimeSetUp]
    public async Task StartAsync() => s_fixture = await GatewayFixture.StartAsync(useRabbitMq: false);

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (s_fixture is not null)
        {
            await s_fixture.DisposeAsync();
        }
    }
}
