namespace Esf.Infrastructure.Telemetry;

/// <summary>The <c>Esf:Metrics</c> section.</summary>
public sealed class MetricsOptions
{
    /// <summary>Serve <c>/metrics</c> in the Prometheus text format (unauthenticated: keep it inside the network).</summary>
    public bool Prometheus { get; set; }

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.0.0.0/8</c>) allowed to read <c>/metrics</c>; any other client gets 404, whatever the case or
    /// trailing slash of the path. Empty: every client that reaches the process (keep the balancer from forwarding it).
    /// </summary>
    public string[] AllowedNetworks { get; set; } = [];
}
