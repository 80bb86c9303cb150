using System.Net;
using Esf.Tests.Infrastructure;
using Esf.Tests.Pipeline;
using NUnit.Framework;

namespace Esf.Tests.Observability;

/// <summary>
/// <c>/metrics</c> serves the <c>Esf</c> meter in the Prometheus text format when <c>Esf:Metrics:Prometheus</c> is on, and
/// does not exist otherwise (an operator opts in to an unauthenticated endpoint).
/// </summary>
[TestFixture]
public sealed class Serving_metrics_for_prometheus
{
    [Test]
    public async Task Should_serve_the_pipeline_counters_when_enabled()
    {
        // Private host: /metrics switched on.
        await using var fixture = await GatewayFixture.StartAsync(settings: new Dictionary<string, string?> { ["Esf:Metrics:Prometheus"] = "true" });
        var driver = await PipelineDriver.StartAsync(fixture);
        var upload = await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)));
        await driver.FinishedAsync(upload.Accepted.Single().InvoiceId!.Value);
        using var http = fixture.CreateClient();

        // The exporter caches a scrape for a moment and the worker counts just after its commit: poll for the registration.
        var text = await Poller.UntilAsync(
            () => http.GetStringAsync("metrics"), body => body.Contains("esf_invoices_registered_total", StringComparison.Ordinal),
            "the registration to be scraped", TimeSpan.FromSeconds(30));
        using var response = await http.GetAsync("metrics");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(text, Does.Match("""esf_uploads_total\{[^}]*esf_channel="REST"[^}]*\} [1-9]"""));
            Assert.That(text, Does.Match("""esf_invoices_accepted_total\{[^}]*esf_channel="REST"[^}]*\} [1-9]"""));
            Assert.That(text, Does.Contain("esf_invoice_registration_duration_seconds_bucket"));
        }
    }

    [Test]
    public async Task Should_not_exist_by_default()
    {
        using var http = ObservabilityGateway.Fixture.CreateClient();

        using var response = await http.GetAsync("metrics");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
