using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Registry;

/// <summary>The gateway (with its worker) of the registry and rule scenarios, configured with an admin key for CSV imports.</summary>
[SetUpFixture]
public sealed class RegistryGateway
{
    public const string AdminKey = "test-admin-key";

    private static GatewayFixture? s_fixture;

    public static GatewayFixture Fixture => s_fixture ?? throw new InvalidOperationException("The registry gateway did not start.");

    [OneTimeSetUp]
    public async Task StartAsync() =>
        s_fixture = await GatewayFixture.StartAsync(settings: new Dictionary<string, string?> { ["Esf:AdminApiKey"] = AdminKey });

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (s_fixture is not null)
        {
            await s_fixture.DisposeAsync();
        }
    }
}
