using System.Net;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Hosting;

[TestFixture]
public sealed class Serving_health_checks
{
    [TestCase("gateway,worker")]
    [TestCase("worker")]
    public async Task Should_be_live_and_ready_with_postgres_and_the_bus(string roles)
    {
        // Private host: one per role.
        await using var fixture = await GatewayFixture.StartAsync(roles: roles);
        using var client = fixture.CreateClient();

        var live = await client.GetAsync("health/live");
        var ready = await client.GetAsync("health/ready");

        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await ready.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }
}
