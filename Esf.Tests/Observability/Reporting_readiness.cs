using Esf.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace Esf.Tests.Observability;

/// <summary>/health/ready covers PostgreSQL and the message bus: both checks carry the "ready" tag it filters on.</summary>
[TestFixture]
public sealed class Reporting_readiness
{
    [TestCase("gateway")]
    [TestCase("worker")]
    public async Task Should_include_postgres_and_the_message_bus_in_readiness(string roles)
    {
        // Private host: one per role.
        await using var fixture = await GatewayFixture.StartAsync(roles: roles);

        var ready = fixture.Get<IOptions<HealthCheckServiceOptions>>().Value.Registrations
            .Where(r => r.Tags.Contains("ready")).Select(r => r.Name).ToList();

        Assert.That(ready, Has.Member("postgres").And.Some.StartsWith("masstransit"), string.Join(", ", ready));
    }
}
