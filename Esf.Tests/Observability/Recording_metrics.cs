using Esf.Domain.Invoices;
using Esf.Infrastructure.Invoices;
using Esf.Tests.Infrastructure;
using Esf.Tests.Pipeline;
using NUnit.Framework;

namespace Esf.Tests.Observability;

/// <summary>
/// The <c>Esf</c> meter moves with the pipeline. The meter is process-wide and other tests upload in parallel, so the
/// assertions are lower bounds on what this test's own uploads must have added.
/// </summary>
[TestFixture]
public sealed class Recording_metrics
{
    private static GatewayFixture Fixture => ObservabilityGateway.Fixture;

    [Test]
    public async Task Should_count_uploads_registrations_failures_by_rule_and_the_time_to_created()
    {
        using var metrics = new MetricRecorder();
        var driver = await PipelineDriver.StartAsync(Fixture);
        var unknownCustomer = TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, driver.Tenant.SellerTin, TestTenant.UniqueTin());

        var upload = await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)), driver.Item(TestInvoices.Build(driver.Tenant)), driver.Item(unknownCustomer));
        var finished = new List<InvoiceRecord>();
        foreach (var accepted in upload.Accepted)
        {
            finished.Add(await driver.FinishedAsync(accepted.InvoiceId!.Value));
        }

        // The worker records the latency just after the counts (one more read): wait for the last instrument it touches.
        await Poller.UntilAsync(() => Task.FromResult(metrics.Count("esf.invoice.registration.duration")), n => n >= 2, "the latency to be recorded");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(finished.Select(i => i.Status), Is.EquivalentTo(new[] { InvoiceStatus.Created, InvoiceStatus.Created, InvoiceStatus.Failed }));
            Assert.That(metrics.Sum("esf.uploads", "REST"), Is.GreaterThanOrEqualTo(1));
            Assert.That(metrics.Sum("esf.invoices.accepted", "REST"), Is.GreaterThanOrEqualTo(3));
            Assert.That(metrics.Sum("esf.invoices.registered"), Is.GreaterThanOrEqualTo(2));
            Assert.That(metrics.Sum("esf.invoices.failed", "C-02"), Is.GreaterThanOrEqualTo(1));
            Assert.That(metrics.Count("esf.invoice.registration.duration"), Is.GreaterThanOrEqualTo(2));
            Assert.That(metrics.Sum("esf.invoice.registration.duration"), Is.GreaterThan(0));
        }
    }
}
