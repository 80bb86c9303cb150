using Esf.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Esf.Tests.Observability;

/// <summary>
/// OpenTelemetry is switched on by an OTLP endpoint and off without one (then nothing is collected). No collector runs
/// here: the exporter only has to be set up; sending to a closed port is its own retry business.
/// </summary>
[TestFixture]
public sealed class Exporting_over_otlp
{
    [Test]
    public async Task Should_set_up_tracing_and_metrics_when_an_otlp_endpoint_is_configured()
    {
        // Private host: an OTLP endpoint of its own.
        await using var fixture = await GatewayFixture.StartAsync(
            settings: new Dictionary<string, string?> { ["Esf:Otlp:Endpoint"] = "http://127.0.0.1:9" });

        Assert.That(fixture.Services.GetService<TracerProvider>(), Is.Not.Null);
        Assert.That(fixture.Services.GetService<MeterProvider>(), Is.Not.Null);
    }

    [Test]
    public void Should_not_collect_anything_without_an_endpoint()
    {
        var fixture = ObservabilityGateway.Fixture;

        Assert.That(fixture.Services.GetService<TracerProvider>(), Is.Null);
        Assert.That(fixture.Services.GetService<MeterProvider>(), Is.Null);
    }
}
