using Esf.Infrastructure.Security;

namespace Esf.Api.Rest.ApiKeys;

public sealed record CreateApiKeyBody(string Name);

/// <summary>A key as listed; <see cref="Secret"/> is only answered once, at creation.</summary>
public sealed record ApiKeyView(string KeyId, string Tin, string Login, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? Secret = null)
{
    public static ApiKeyView From(ApiKey key, string? secret = null) =>
        new(key.KeyId, key.Tin, key.Login, key.Name, key.CreatedAt, key.RevokedAt, secret);
}
