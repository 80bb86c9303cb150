namespace Esf.Infrastructure.Telemetry;

/// <summary>The <c>Esf:Metrics</c> section.</summary>
public sealed class MetricsOptions
{
    /// <summary>Serve <c>/metrics</c> in the Prometheus text format (unauthenticated: keep it inside the network).</summary>
    public bool Prometheus { get; set; }
}
