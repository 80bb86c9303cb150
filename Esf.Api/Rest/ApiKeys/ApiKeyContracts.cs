using Esf.Infrastructure.Security;

namespace Esf.Api.Rest.ApiKeys;

/// <summary>A new key: its name, its scope (<c>full</c>, the default, or <c>read</c>: GET only) and an optional expiry.</summary>
public sealed record CreateApiKeyBody(string Name, string? Scope = null, DateTimeOffset? ExpiresAt = null);

/// <summary>A key as listed; <see cref="Secret"/> is only answered once, at creation.</summary>
public sealed record ApiKeyView(
    string KeyId, string Tin, string Login, string Name, DateTime CreatedAt, DateTime? RevokedAt, DateTime? ExpiresAt, string Scope,
    string? Secret = null)
{
    public static ApiKeyView From(ApiKey key, string? secret = null) =>
        new(key.KeyId, key.Tin, key.Login, key.Name, key.CreatedAt, key.RevokedAt, key.ExpiresAt, key.Scope, secret);
}
