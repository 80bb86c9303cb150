namespace Esf.Infrastructure.Security;

/// <summary>An API key as listed: never its secret, which is shown once at creation. Times are UTC (Npgsql reads timestamptz so).</summary>
public sealed record ApiKey(string KeyId, string Tin, string Login, string Name, DateTime CreatedAt, DateTime? RevokedAt);
