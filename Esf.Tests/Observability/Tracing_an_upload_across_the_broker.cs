using Esf.Infrastructure.Telemetry;
using Esf.Tests.Infrastructure;
using Esf.Tests.Pipeline;
using NUnit.Framework;

namespace Esf.Tests.Observability;

/// <summary>
/// A gateway and a worker (two hosts, over the test RabbitMQ): the gateway's upload span and the worker's registration
/// span of the same upload belong to one trace, because MassTransit carries the context in the message headers.
/// Non-parallel: every worker on the broker competes for the same queue.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class Tracing_an_upload_across_the_broker
{
    [Test]
    public async Task Should_put_the_gateway_upload_and_the_worker_registration_in_one_trace()
    {
        using var activities = new ActivityRecorder(EsfActivities.SourceName, "MassTransit");
        // Private hosts: a worker and a gateway apart, on RabbitMQ, so the trace crosses the broker.
        await using var worker = await GatewayFixture.StartAsync(useRabbitMq: true, roles: "worker");
        await using var gateway = await GatewayFixture.StartAsync(useRabbitMq: true, roles: "gateway");
        var driver = await PipelineDriver.StartAsync(gateway);

        var upload = await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)));
        await driver.FinishedAsync(upload.Accepted[0].InvoiceId!.Value);
        var uploadId = upload.UploadId!.Value;
        var registration = await Poller.UntilAsync(
            () => Task.FromResult(activities.Finished.FirstOrDefault(a => a.OperationName == "esf.register" && Equals(a.GetTagItem("esf.upload_id"), uploadId))),
            found => found is not null, "the worker's registration span");
        var sent = activities.Finished.Single(a => a.OperationName == "esf.upload" && Equals(a.GetTagItem("esf.upload_id"), uploadId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(registration!.TraceId, Is.EqualTo(sent.TraceId), "one trace from the gateway to the worker");
            Assert.That(registration.ParentSpanId, Is.Not.EqualTo(sent.SpanId), "the worker's span hangs under MassTransit's consume span");
            Assert.That(activities.Finished.Where(a => a.Source.Name == "MassTransit" && a.TraceId == sent.TraceId).Select(a => a.Kind),
                Has.Member(System.Diagnostics.ActivityKind.Producer).And.Member(System.Diagnostics.ActivityKind.Consumer));
        }
    }
}
