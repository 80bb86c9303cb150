namespace Esf.Infrastructure;

/// <summary>The <c>Esf</c> configuration section.</summary>
public sealed class EsfOptions
{
    public const string Section = "Esf";

    /// <summary>Roles of this process: <c>gateway</c>, <c>worker</c>, or both (default).</summary>
    public string Roles { get; set; } = "gateway,worker";

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

    /// <summary>Seed the demo registry, user and signing certificate at start-up.</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>Seconds after which the relay republishes an upload whose message never reached the broker or the worker.</summary>
    public int RelayGraceSeconds { get; set; } = 30;

    /// <summary>
    /// Claims of one upload by workers that ended without a verdict (they died or failed on it) before the relay fails its
    /// unfinished invoices with UNEXPECTED_ERROR (API-06). Uploads only waiting in the queue are never failed.
    /// </summary>
    public int RelayMaxAttempts { get; set; } = 5;

    public bool HasRole(string role) =>
        Roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Contains(role, StringComparer.OrdinalIgnoreCase);
}
