using System.Text;
using RabbitMQ.Client;

namespace Esf.Tests.Faults;

/// <summary>Messages put straight on the worker's queue, past the application: duplicates and poison.</summary>
public static class RawBrokerMessages
{
    public const string WorkerQueue = "validate-upload";

    /// <summary>A well-formed MassTransit envelope of <c>ValidateUpload</c>, as if the broker redelivered it.</summary>
    public static string ValidateUpload(long uploadId) =>
        "{\"messageId\":\"" + Guid.NewGuid() + "\",\"messageType\":[\"urn:message:Esf.Infrastructure.Messaging.Contracts:ValidateUpload\"],"
        + "\"message\":{\"uploadId\":" + uploadId + "}}";

    public static async Task SendAsync(string rabbitMqUri, params string[] bodies)
    {
        var factory = new ConnectionFactory { Uri = new Uri(rabbitMqUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true };
        foreach (var body in bodies)
        {
            await channel.BasicPublishAsync("", WorkerQueue, mandatory: false, properties, Encoding.UTF8.GetBytes(body));
        }
    }
}
