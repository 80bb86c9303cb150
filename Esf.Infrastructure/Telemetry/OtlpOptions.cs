namespace Esf.Infrastructure.Telemetry;

/// <summary>The <c>Esf:Otlp</c> section.</summary>
public sealed class OtlpOptions
{
    /// <summary>
    /// OTLP endpoint of traces and metrics (absolute http or https URI, e.g. <c>http://otel-collector:4317</c>). Empty: the
    /// standard <c>OTEL_EXPORTER_OTLP_*</c> variables decide, and without them nothing is exported.
    /// </summary>
    public string? Endpoint { get; set; }
}
