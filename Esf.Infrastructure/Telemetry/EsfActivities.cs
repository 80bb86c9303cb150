using System.Diagnostics;

namespace Esf.Infrastructure.Telemetry;

/// <summary>
/// The gateway's own spans (ActivitySource <c>Esf</c>): one per upload in the gateway, one per upload processed in the
/// worker. MassTransit carries the trace context through RabbitMQ, so both sit in the trace of the client's request.
/// </summary>
public static class EsfActivities
{
    public const string SourceName = "Esf";

    public static readonly ActivitySource Source = new(SourceName, "1.0");

    public static Activity? StartUpload(string channel) =>
        Source.StartActivity("esf.upload")?.SetTag("esf.channel", channel);

    public static Activity? StartRegistration(long uploadId) =>
        Source.StartActivity("esf.register")?.SetTag("esf.upload_id", uploadId);
}
