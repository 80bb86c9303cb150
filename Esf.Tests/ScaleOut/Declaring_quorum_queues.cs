using Esf.Domain.Invoices;
using Esf.Tests.Faults;
using Esf.Tests.Infrastructure;
using Esf.Tests.Infrastructure.Processes;
using Esf.Tests.Pipeline;
using NUnit.Framework;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Esf.Tests.ScaleOut;

/// <summary>
/// <c>Esf:RabbitMqQuorumQueues=true</c> declares the worker's queue as a quorum queue, and invoices still register. On a
/// broker of its own (.esf/test/quorum-rabbitmq): a queue's type is fixed when declared, the shared broker's is classic.
/// </summary>
[TestFixture]
[Category("ScaleOut")]
[NonParallelizable]
public sealed class Declaring_quorum_queues
{
    [Test]
    public async Task Should_declare_the_worker_queue_as_a_quorum_queue_and_register_through_it()
    {
        var folder = PrivateBroker.FolderOf("quorum-rabbitmq");
        var uri = await PrivateBroker.StartAsync(folder);
        try
        {
            // Private host: a broker of its own, whose queue type can be declared afresh.
            await using var fixture = await GatewayFixture.StartAsync(
                settings: new Dictionary<string, string?> { ["Esf:RabbitMq"] = uri, ["Esf:RabbitMqQuorumQueues"] = "true" });
            var driver = await PipelineDriver.StartAsync(fixture);

            var upload = await driver.UploadAsync(driver.Item(TestInvoices.Build(driver.Tenant)));
            var invoice = await driver.FinishedAsync(upload.Accepted[0].InvoiceId!.Value);

            Assert.That(invoice.Status, Is.EqualTo(InvoiceStatus.Created));
            Assert.That(await DeclaresAsync(uri, "quorum"), Is.True, "re-declaring the queue as quorum is equivalent");
            Assert.That(await DeclaresAsync(uri, "classic"), Is.False, "re-declaring it as classic is refused");
        }
        finally
        {
            await PrivateBroker.StopAsync(folder);
        }
    }

    /// <summary>Whether the broker accepts the worker queue's declaration with this type (it refuses a different one).</summary>
    private static async Task<bool> DeclaresAsync(string uri, string queueType)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclareAsync(RawBrokerMessages.WorkerQueue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = queueType });
            return true;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 406)
        {
            await TestContext.Out.WriteLineAsync($"declaring as {queueType}: {e.ShutdownReason.ReplyText}");
            return false;
        }
    }
}
