namespace Esf.Infrastructure.Security;

/// <summary>An API key as listed: never its secret, which is shown once at creation.</summary>
public sealed record ApiKey(string KeyId, string Tin, string Login, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
