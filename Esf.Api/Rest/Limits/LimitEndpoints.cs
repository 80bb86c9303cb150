using Esf.Api.Hosting;
using Esf.Api.Rest.Auth;
using Esf.Infrastructure;
using Esf.Infrastructure.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Esf.Api.Rest.Limits;

/// <summary>The requests the caller's enterprise may still make in the current one-minute window (every session, SOAP and REST, and API key together).</summary>
public sealed record RequestBudgetView(int Limit, long Remaining);

/// <summary>
/// The caller's limits and what is left of them. <see cref="RequestsPerMinute"/> and the per-IP limits are null when rate
/// limiting is off (<c>Esf:RateLimiting:Enabled</c>); <see cref="ConcurrentStreams"/> counts this process only.
/// </summary>
public sealed record LimitsView(
    string Tin,
    RequestBudgetView? RequestsPerMinute,
    int? RequestsPerIpPerMinute,
    int? LoginsPerIpPerMinute,
    int SessionIdleMinutes,
    int MaxInvoicesPerUpload,
    int MaxIdsPerRequest,
    long MaxPageBytes,
    int IdempotencyKeyRetentionHours,
    QuotaUsage ConcurrentStreams,
    IReadOnlyList<QuotaUsage> Quotas);

/// <summary>GET /api/v1/limits: honest limits (issue 16), so a client can slow down before it meets a 429.</summary>
public static class LimitEndpoints
{
    public static RouteGroupBuilder MapLimitEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/limits", ReadAsync)
            .WithTags("Status")
            .WithName("GetLimits")
            .WithSummary("The caller's rate limits and quotas, and what is left of them")
            .WithDescription("For the session's (or API key's) own enterprise only: the per-enterprise request budget of the current minute " +
                "(shared by its REST and SOAP sessions and API keys; this call uses one), the per-IP limits, the session idle timeout, the " +
                "size limits of a request, and each Esf:Quotas limit with how much the enterprise uses.");
        return api;
    }

    private static async Task<Ok<LimitsView>> ReadAsync(
        BearerSession bearer, ITenantRequestBudget budget, TenantQuotaUsage usage, LongResponses streams,
        IOptions<RateLimitingOptions> rates, IOptions<EsfOptions> esf, IOptions<QuotaOptions> quotas, CancellationToken ct)
    {
        var tin = bearer.Context.Tin;
        var limited = rates.Value.Enabled;
        return TypedResults.Ok(new LimitsView(
            tin,
            budget.Left(tin) is { } left ? new RequestBudgetView(left.Limit, left.Remaining) : null,
            limited ? rates.Value.PerIpPerMinute : null,
            limited ? rates.Value.LoginPerIpPerMinute : null,
            esf.Value.SessionIdleMinutes,
            esf.Value.MaxInvoicesPerUpload,
            quotas.Value.MaxIdsPerRequest,
            quotas.Value.MaxPageBytes,
            quotas.Value.IdempotencyKeyRetentionHours,
            new QuotaUsage("Esf:Quotas:ConcurrentStreamsPerTenant", quotas.Value.ConcurrentStreamsPerTenant, streams.OpenFor(tin)),
            await usage.ReadAsync(tin, ct)));
    }
}
