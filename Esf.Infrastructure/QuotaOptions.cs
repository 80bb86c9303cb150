namespace Esf.Infrastructure;

/// <summary>
/// <c>Esf:Quotas</c>: how much one enterprise may hold or ask for at once, so that no tenant can exhaust the gateway's memory
/// or tables (security review M7, L5). Every value is validated at start (<see cref="QuotaOptionsValidator"/>).
/// </summary>
public sealed class QuotaOptions
{
    public const string Section = "Esf:Quotas";

    /// <summary>Active (unrevoked, unexpired) API keys per enterprise.</summary>
    public int ApiKeysPerTenant { get; set; } = 20;

    /// <summary>Active webhook subscriptions per enterprise.</summary>
    public int WebhooksPerTenant { get; set; } = 10;

    /// <summary>Powers of attorney an enterprise may hold as principal.</summary>
    public int PowersOfAttorneyPerTenant { get; set; } = 500;

    /// <summary>Unexpired Idempotency-Keys per enterprise.</summary>
    public int OpenIdempotencyKeysPerTenant { get; set; } = 10_000;

    /// <summary>Hours an Idempotency-Key is remembered; after them it is swept and may be used again.</summary>
    public int IdempotencyKeyRetentionHours { get; set; } = 24;

    /// <summary>Most invoice ids in one SOAP queryInvoiceById or status-change request.</summary>
    public int MaxIdsPerRequest { get; set; } = 200;

    /// <summary>Most bytes of invoice bodies in one page of a list endpoint; the page ends early (its cursor says where) past it.</summary>
    public long MaxPageBytes { get; set; } = 8_000_000;

    /// <summary>Server-Sent Event streams and exports one enterprise may have open at once (security review H5).</summary>
    public int ConcurrentStreamsPerTenant { get; set; } = 4;

    /// <summary>
    /// Seconds between the checks of a stream's or an export's credential: the response ends once its session is closed or
    /// idle, or its API key revoked or expired. At most 30 (H5); 0 checks about every second.
    /// </summary>
    public int StreamRecheckSeconds { get; set; } = 30;
}
