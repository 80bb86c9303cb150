using Esf.Infrastructure.Telemetry;

namespace Esf.Infrastructure;

/// <summary>The <c>Esf</c> configuration section, bound and validated once at start (<see cref="EsfOptionsValidator"/>).</summary>
public sealed class EsfOptions
{
    public const string Section = "Esf";

    /// <summary>Roles of this process: <c>gateway</c>, <c>worker</c>, or both (default), comma-separated.</summary>
    public string Roles { get; set; } = "gateway,worker";

    /// <summary><see cref="Roles"/> parsed; <see cref="EsfRoles.None"/> when it names anything else (the process then refuses to start).</summary>
    public EsfRoles RoleSet => EsfRoleNames.TryParse(Roles, out var roles) ? roles : EsfRoles.None;

    /// <summary>AMQP URI of RabbitMQ; when empty, MassTransit's in-memory transport is used.</summary>
    public string? RabbitMq { get; set; }

    /// <summary>
    /// Declare the worker's queues as RabbitMQ quorum queues (replicated, for a clustered broker). A queue's type is fixed
    /// when first declared: switch on a fresh broker or after deleting the queues (docs/scale-out.md).
    /// </summary>
    public bool RabbitMqQuorumQueues { get; set; }

    /// <summary>Where the private PostgreSQL cluster, the demo certificate and demo.json live when nothing else is configured.</summary>
    public string DataDirectory { get; set; } = ".esf";

    /// <summary>Minutes of inactivity after which a session is closed (the real service times sessions out too).</summary>
    public int SessionIdleMinutes { get; set; } = 30;

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 20_000_000;

    /// <summary>Most invoices in one upload.</summary>
    public int MaxInvoicesPerUpload { get; set; } = 1_000;

    /// <summary>
    /// Most distinct certificates kept parsed (<see cref="Signatures.ParsedCertificates"/>): at least the signers that upload within a
    /// few minutes, each a few KB.
    /// </summary>
    public int CertificateCacheSize { get; set; } = 1_000;

    /// <summary>
    /// Seed the demo registry, user and signing certificate at start-up. Defaults to true only in the Development environment;
    /// elsewhere it also needs development trust (<c>Esf:Security:DevelopmentTrust</c>), because the demo key is self-signed.
    /// </summary>
    public bool SeedDemo { get; set; }

    /// <summary>Seconds after which the relay republishes an upload whose message never reached the broker or the worker.</summary>
    public int RelayGraceSeconds { get; set; } = 30;

    /// <summary>
    /// Claims of one upload by workers that ended without a verdict (they died or failed on it) before the relay fails its
    /// unfinished invoices with UNEXPECTED_ERROR (API-06). Uploads only waiting in the queue are never failed.
    /// </summary>
    public int RelayMaxAttempts { get; set; } = 5;

    /// <summary>
    /// The key of <c>POST /api/v1/admin/registry/{name}</c> (header <c>X-Admin-Key</c>); none = registry import disabled. At least
    /// <see cref="MinAdminApiKeyLength"/> characters, so it cannot be guessed.
    /// </summary>
    public string? AdminApiKey { get; set; }

    public const int MinAdminApiKeyLength = 32;

    /// <summary>
    /// The system key of the public procurement portal (ЭГЗ) posting acts and contracts to <c>/api/v1/egz/inbound/</c> (header
    /// <c>X-Procurement-Key</c>, ADR 0030); none = the inbound API is closed. As long as the admin key.
    /// </summary>
    public string? ProcurementPortalKey { get; set; }

    /// <summary>
    /// The address clients reach the gateway at (e.g. <c>https://esf.example.kz</c>), from which the e-mailed confirmation links
    /// and the WSDL's <c>soap:address</c> are built, never from the request's Host header. Required unless development trust
    /// is allowed, where it defaults to the address the gateway listens on.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary><c>Esf:Otlp</c>: where traces and metrics are exported.</summary>
    public OtlpOptions Otlp { get; set; } = new();

    /// <summary><c>Esf:Metrics</c>: the Prometheus scraping endpoint.</summary>
    public MetricsOptions Metrics { get; set; } = new();
}
