using Dapper;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Participants;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Esf.Infrastructure;

/// <summary>One quota of <c>Esf:Quotas</c> for one enterprise: its configuration key, its limit and how much of it is used.</summary>
public sealed record QuotaUsage(string Key, long Limit, long Used)
{
    public long Remaining => Math.Max(0, Limit - Used);
}

/// <summary>
/// How much of its row quotas an enterprise uses (GET /api/v1/limits), counted by the very queries that enforce them, in one
/// round trip.
/// </summary>
public sealed class TenantQuotaUsage(NpgsqlDataSource database, IOptions<QuotaOptions> quotas, TimeProvider clock)
{
    public async Task<IReadOnlyList<QuotaUsage>> ReadAsync(string tin, CancellationToken cancellationToken)
    {
        var limits = quotas.Value;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var used = await connection.QuerySingleAsync<(long ApiKeys, long Webhooks, long PowersOfAttorney, long IdempotencyKeys)>(
            new CommandDefinition($"""
                SELECT ({ApiKeyStore.CountUsable}), ({WebhookStore.CountActive}), ({PowersOfAttorney.CountInForce}), ({IdempotencyKeys.CountOpen})
                """, new
            {
                Tin = tin, Now = clock.GetUtcNow(), Today = KazakhstanTime.Today(clock),
                ExpiredBefore = IdempotencyKeys.ExpiredBefore(clock, limits),
            }, cancellationToken: cancellationToken));
        return
        [
            new("Esf:Quotas:ApiKeysPerTenant", limits.ApiKeysPerTenant, used.ApiKeys),
            new("Esf:Quotas:WebhooksPerTenant", limits.WebhooksPerTenant, used.Webhooks),
            new("Esf:Quotas:PowersOfAttorneyPerTenant", limits.PowersOfAttorneyPerTenant, used.PowersOfAttorney),
            new("Esf:Quotas:OpenIdempotencyKeysPerTenant", limits.OpenIdempotencyKeysPerTenant, used.IdempotencyKeys),
        ];
    }
}
