namespace Esf.Api.Hosting;

/// <summary>
/// The <c>Esf:Http</c> section: what one client may hold of the server (connections, slow bodies and headers), which proxies
/// may name the client's address, long-lived responses (update streams and exports), and the Swagger UI. Validated at start.
/// </summary>
public sealed class HttpOptions
{
    public const string Section = "Esf:Http";

    /// <summary>Open TCP connections at once, every client together (Kestrel <c>MaxConcurrentConnections</c>); 0 = no limit.</summary>
    public long MaxConcurrentConnections { get; set; } = 1000;

    /// <summary>
    /// Slowest request body accepted, in bytes per second after a grace of <see cref="MinRequestBodyGraceSeconds"/> (Kestrel
    /// <c>MinRequestBodyDataRate</c>): a sender trickling a large body is cut off instead of holding a connection for hours.
    /// </summary>
    public double MinRequestBodyBytesPerSecond { get; set; } = 1024;

    public int MinRequestBodyGraceSeconds { get; set; } = 10;

    /// <summary>Time to receive the request line and headers (Kestrel <c>RequestHeadersTimeout</c>).</summary>
    public int RequestHeadersTimeoutSeconds { get; set; } = 15;

    /// <summary>Total size of the request line and headers (Kestrel <c>MaxRequestHeadersTotalSize</c>).</summary>
    public int MaxRequestHeadersTotalBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// Addresses of the reverse proxies (the shipped nginx) whose <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> are believed.
    /// From any other peer the headers are ignored, so that a client cannot pick its own rate-limit partition.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>The same as <see cref="KnownProxies"/> for whole networks in CIDR notation (e.g. <c>172.18.0.0/16</c>).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>Serve the Swagger UI (<c>/swagger</c>) outside the Development environment too. Always on in Development.</summary>
    public bool SwaggerUi { get; set; }
}
