using NUnit.Framework;

namespace Esf.Tests.Infrastructure;

/// <summary>
/// One running gateway (with its worker) for every test of a namespace: derive a [SetUpFixture] from it there.
/// Each test makes its own tenant, so tests never collide. The generic parameter gives each namespace its own instance.
/// </summary>
public abstract class SharedGateway<TSelf> where TSelf : SharedGateway<TSelf>
{
    private static GatewayFixture? s_fixture;

    public static GatewayFixture Fixture => s_fixture ?? throw new InvalidOperationException($"The gateway of {typeof(TSelf).Name} did not start.");

    [OneTimeSetUp]
    public async Task StartGatewayAsync() => s_fixture = await GatewayFixture.StartAsync(useRabbitMq: false);

    [OneTimeTearDown]
    public async Task StopGatewayAsync()
    {
        if (s_fixture is not null)
        {
            await s_fixture.DisposeAsync();
        }
    }
}
