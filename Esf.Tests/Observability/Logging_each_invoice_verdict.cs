using Esf.Domain.Invoices;
using Esf.Infrastructure.Registration;
using Esf.Tests.Infrastructure;
using Esf.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace Esf.Tests.Observability;

/// <summary>
/// The worker writes one structured line per invoice, with its invoice id and upload id: failures with their rule ids at
/// Information, registrations at Debug.
/// </summary>
[TestFixture]
public sealed class Logging_each_invoice_verdict
{
    [Test]
    public async Task Should_log_the_invoice_and_upload_ids_with_the_verdict()
    {
        var recorder = new LogRecorder();
        // Private host: it records the log output and turns the registrar up to Debug.
        await using var fixture = await GatewayFixture.StartAsync(
            settings: new Dictionary<string, string?> { [$"Logging:LogLevel:{typeof(InvoiceRegistrar).FullName}"] = "Debug" },
            configure: builder => builder.Services.AddSingleton<ILoggerProvider>(recorder));
        var driver = await PipelineDriver.StartAsync(fixture);
        var unknownCustomer = TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, driver.Tenant.SellerTin, TestTenant.UniqueTin());

        var upload = await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)), driver.Item(unknownCustomer));
        var created = await driver.FinishedAsync(upload.Accepted[0].InvoiceId!.Value);
        var failed = await driver.FinishedAsync(upload.Accepted[1].InvoiceId!.Value);
        var lines = await Poller.UntilAsync(
            () => Task.FromResult(recorder.Entries.Where(e => e.Properties.GetValueOrDefault("UploadId") is long id && id == upload.UploadId).ToList()),
            found => found.Count >= 3, "the upload's lines to be logged");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((created.Status, failed.Status), Is.EqualTo((InvoiceStatus.Created, InvoiceStatus.Failed)));
            Assert.That(lines, Has.One.Matches<LogRecorder.Entry>(e => e!.Level == LogLevel.Information
                && e.Properties.GetValueOrDefault("InvoiceId") is long id && id == failed.InvoiceId && e.Message.EndsWith("FAILED: C-02", StringComparison.Ordinal)));
            Assert.That(lines, Has.One.Matches<LogRecorder.Entry>(e => e!.Level == LogLevel.Debug
                && e.Properties.GetValueOrDefault("InvoiceId") is long id && id == created.InvoiceId && e.Message.EndsWith("CREATED", StringComparison.Ordinal)));
        }
    }
}
