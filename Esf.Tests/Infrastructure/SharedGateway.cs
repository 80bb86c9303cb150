using NUnit.Framework;

namespace Esf.Tests.Infrastructure;

/// <summary>
/// One running gateway (with its worker, by default) for every test of a namespace: derive a [SetUpFixture] from it there,
/// and override what that namespace needs differently. Each test makes its own tenant, so tests never collide. The generic
/// parameter gives each namespace its own instance. A test class keeps a private host only where its configuration must
/// differ from its namespace's, and says why in one line.
/// </summary>
public abstract class SharedGateway<TSelf> where TSelf : SharedGateway<TSelf>
{
    private static GatewayFixture? s_fixture;

    public static GatewayFixture Fixture => s_fixture ?? throw new InvalidOperationException($"The gateway of {typeof(TSelf).Name} did not start.");

    /// <summary>Configuration on top of <see cref="GatewayFixture"/>'s defaults (read after <see cref="BeforeStartAsync"/>).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary><c>Esf:Roles</c> of the shared host.</summary>
    protected virtual string Roles => "gateway,worker";

    /// <summary>The host environment; null = the process's (Production when unset).</summary>
    protected virtual string? Environment => null;

    /// <summary>Use the test RabbitMQ instead of the in-memory transport.</summary>
    protected virtual bool UseRabbitMq => false;

    /// <summary>
    /// Prepares what the settings point at (files, certificates) before the host starts. A derived [OneTimeTearDown] cleans
    /// it up; NUnit runs it before this class's, which stops the host.
    /// </summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    [OneTimeSetUp]
    public async Task StartGatewayAsync()
    {
        await BeforeStartAsync();
        s_fixture = await GatewayFixture.StartAsync(UseRabbitMq, Roles, Settings, environment: Environment);
    }

    [OneTimeTearDown]
    public async Task StopGatewayAsync()
    {
        if (s_fixture is not null)
        {
            await s_fixture.DisposeAsync();
        }
    }
}
