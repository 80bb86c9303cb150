using System.Text;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Messaging;
using Esf.Infrastructure.Registration;
using Esf.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;
using RabbitMQ.Client;

namespace Esf.Tests.Pipeline;

/// <summary>
/// The shipped topology: gateway and worker on the test RabbitMQ. Non-parallel, because every worker on the broker
/// competes for the same queue.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class Registering_over_rabbitmq
{
    // Private hosts per test: RabbitMQ, gateways and workers apart, a fast relay.
    private static readonly Dictionary<string, string?> FastRelay = new() { ["Esf:RelayGraceSeconds"] = "1" };

    [Test]
    public async Task Should_register_an_invoice_uploaded_to_a_gateway_by_a_worker_on_rabbitmq()
    {
        await using var fixture = await GatewayFixture.StartAsync(useRabbitMq: true);
        var driver = await PipelineDriver.StartAsync(fixture);

        var upload = await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)));
        var invoice = await driver.FinishedAsync(upload.Accepted[0].InvoiceId!.Value);

        Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Created));
    }

    [Test]
    public async Task Should_finish_every_invoice_exactly_once_when_the_worker_stopped_mid_batch()
    {
        // A worker declares the queue, then goes away: uploads wait in RabbitMQ.
        await (await GatewayFixture.StartAsync(useRabbitMq: true, roles: "worker")).DisposeAsync();
        await using var gateway = await GatewayFixture.StartAsync(useRabbitMq: true, roles: "gateway");
        var driver = await PipelineDriver.StartAsync(gateway);
        var uploads = new List<UploadResult>();
        for (var batch = 0; batch < 4; batch++)
        {
            uploads.Add(await driver.UploadAsync(Enumerable.Range(0, 25).Select(_ => driver.Item(TestInvoices.Build(driver.Tenant))).ToArray()));
        }

        // The first worker claimed one batch and died before its verdicts.
        await using (var connection = new NpgsqlConnection(TestServices.RequirePostgres()))
        {
            await connection.OpenAsync();
            await UploadOutbox.TryClaimAsync(connection, uploads[0].UploadId!.Value, "dead-worker", TimeSpan.FromSeconds(1), CancellationToken.None);
        }

        await using var worker = await GatewayFixture.StartAsync(useRabbitMq: true, roles: "worker", settings: FastRelay);
        var ids = uploads.SelectMany(u => u.Accepted).Select(a => a.InvoiceId!.Value).ToList();
        foreach (var id in ids)
        {
            await driver.FinishedAsync(id, TimeSpan.FromSeconds(60));
        }

        var statuses = await PipelineInvariants.StatusesAsync(ids);
        Assert.That(ids, Has.Count.EqualTo(100));
        Assert.That(statuses.Select(s => s.Status), Is.All.EqualTo("CREATED"));
        Assert.That(statuses.Select(s => s.RegistrationNumber), Is.Unique);
        Assert.That((await PipelineInvariants.FinishCountsAsync(ids)).Values, Is.All.EqualTo(1));
    }

    [Test]
    public async Task Should_register_each_invoice_once_when_its_message_is_delivered_twice()
    {
        await using var gateway = await GatewayFixture.StartAsync(useRabbitMq: false, roles: "gateway");
        var driver = await PipelineDriver.StartAsync(gateway);
        var upload = await driver.UploadAsync(Enumerable.Range(0, 20).Select(_ => driver.Item(TestInvoices.Build(driver.Tenant))).ToArray());
        var registrar = gateway.Create<InvoiceRegistrar>();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => registrar.ProcessAsync(upload.UploadId!.Value, CancellationToken.None))));

        var ids = upload.Accepted.Select(a => a.InvoiceId!.Value).ToList();
        Assert.That((await PipelineInvariants.StatusesAsync(ids)).Select(s => s.Status), Is.All.EqualTo("CREATED"));
        Assert.That((await PipelineInvariants.FinishCountsAsync(ids)).Values, Is.All.EqualTo(1));
    }

    [Test]
    public async Task Should_keep_registering_after_a_poison_message_on_the_queue()
    {
        await using var fixture = await GatewayFixture.StartAsync(useRabbitMq: true);
        var factory = new ConnectionFactory { Uri = new Uri(TestServices.RequireRabbitMq()) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json" };
            await channel.BasicPublishAsync("", "validate-upload", mandatory: false, properties, Encoding.UTF8.GetBytes("{not json"));
        }

        var driver = await PipelineDriver.StartAsync(fixture);
        var upload = await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)));

        Assert.That((await driver.FinishedAsync(upload.Accepted[0].InvoiceId!.Value)).Status, Is.EqualTo(InvoiceStatus.Created));
    }

    [Test]
    public async Task Should_publish_an_upload_whose_message_never_reached_the_broker()
    {
        await using var fixture = await GatewayFixture.StartAsync(useRabbitMq: true, settings: FastRelay);
        var driver = await PipelineDriver.StartAsync(fixture);
        var upload = await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)));
        // As if the gateway had crashed between commit and publish, and the worker had never seen the message.
        // In the pipeline's lock order (ADR 0004: the upload first, then its invoices): the worker may be registering
        // this upload at the same moment, and the opposite order deadlocked with it.
        await using (var connection = new NpgsqlConnection(TestServices.RequirePostgres()))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "UPDATE uploads SET published_at = NULL WHERE upload_id = @Id;"
                + "UPDATE invoices SET status = 'IN_QUEUE', registration_number = NULL WHERE upload_id = @Id AND status = 'IN_QUEUE'", connection);
            command.Parameters.AddWithValue("Id", upload.UploadId!.Value);
            await command.ExecuteNonQueryAsync();
        }

        var invoice = await driver.FinishedAsync(upload.Accepted[0].InvoiceId!.Value);

        Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Created));
    }
}
