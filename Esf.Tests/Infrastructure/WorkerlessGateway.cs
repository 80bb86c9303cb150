using NUnit.Framework;

namespace Esf.Tests.Infrastructure;

/// <summary>
/// A test class with a gateway of its own and no worker in it (role <c>gateway</c>): uploads stay queued until the test runs the
/// worker's <c>InvoiceRegistrar</c> itself, when and as it wants (another clock, a lock held by the test).
/// </summary>
public abstract class WorkerlessGateway
{
    protected GatewayFixture Gateway { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartGatewayAsync() => Gateway = await GatewayFixture.StartAsync(roles: "gateway");

    [OneTimeTearDown]
    public async Task StopGatewayAsync() => await Gateway.DisposeAsync();
}
