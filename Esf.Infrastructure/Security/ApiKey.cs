namespace Esf.Infrastructure.Security;

/// <summary>
/// An API key as listed: never its secret, which is shown once at creation. Times are UTC (Npgsql reads timestamptz so).
/// <see cref="Scope"/> is <see cref="ApiKeyScopes.Full"/> or <see cref="ApiKeyScopes.Read"/>; no <see cref="ExpiresAt"/> = no expiry.
/// </summary>
public sealed record ApiKey(string KeyId, string Tin, string Login, string Name, DateTime CreatedAt, DateTime? RevokedAt, DateTime? ExpiresAt, string Scope);

/// <summary>What a key may do: <c>full</c> (anything its creator may do) or <c>read</c> (GET and HEAD only).</summary>
public static class ApiKeyScopes
{
    public const string Full = "full";
    public const string Read = "read";

    public static bool IsKnown(string? scope) => scope is Full or Read;
}
