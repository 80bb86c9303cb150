using System.Security.Cryptography;
using System.Text;
using Dapper;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;
using Npgsql;

namespace Esf.Infrastructure.Security;

/// <summary>
/// API keys per enterprise for machine-to-machine REST calls: <c>esf_&lt;keyId&gt;_&lt;secret&gt;</c>. Only SHA-256 of the
/// 256-bit random secret is stored (a slow KDF adds nothing against a secret that cannot be guessed), compared in constant time.
/// A key acts as the user who created it, for that user's enterprise, until revoked.
/// </summary>
public sealed class ApiKeyStore(NpgsqlDataSource database, TimeProvider clock, ITenantRequestBudget? budget = null)
{
    public const string Prefix = "esf_";

    public async Task<(ApiKey Key, string Secret)> CreateAsync(SessionContext session, string name, CancellationToken cancellationToken)
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var key = await connection.QuerySingleAsync<ApiKey>(new CommandDefinition("""
            INSERT INTO api_keys (key_id, tin, login, name, secret_hash, created_at) VALUES (@KeyId, @Tin, @Login, @Name, @Hash, @Now)
            RETURNING key_id AS KeyId, tin AS Tin, login AS Login, name AS Name, created_at AS CreatedAt, revoked_at AS RevokedAt
            """, new { KeyId = keyId, session.Tin, session.Login, Name = name, Hash = Sha256Hex.Of(secret), Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
        return (key, $"{Prefix}{keyId}_{secret}");
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(string tin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<ApiKey>(new CommandDefinition("""
            SELECT key_id AS KeyId, tin AS Tin, login AS Login, name AS Name, created_at AS CreatedAt, revoked_at AS RevokedAt
            FROM api_keys WHERE tin = @Tin ORDER BY created_at, key_id
            """, new { Tin = tin }, cancellationToken: cancellationToken))];
    }

    /// <summary>Revokes a key of <paramref name="tin"/>; another enterprise's key answers as a missing one.</summary>
    public async Task<bool> RevokeAsync(string tin, string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = coalesce(revoked_at, @Now) WHERE key_id = @KeyId AND tin = @Tin",
            new { KeyId = keyId, Tin = tin, Now = clock.GetUtcNow() }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>The caller behind a key, as a session context; <see cref="EsfException.SessionClosed"/> for anything else.</summary>
    public async Task<SessionContext> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        var parts = presented.StartsWith(Prefix, StringComparison.Ordinal) ? presented[Prefix.Length..].Split('_', 2) : [];
        if (parts.Length != 2)
        {
            throw EsfException.SessionClosed();
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Tin, string Login, string SecretHash, string Profile)?>(new CommandDefinition("""
            SELECT k.tin, k.login, k.secret_hash, e.business_profile_type
            FROM api_keys k JOIN user_enterprises e ON e.login = k.login AND e.tin = k.tin JOIN users u ON u.login = k.login
            WHERE k.key_id = @KeyId AND k.revoked_at IS NULL AND u.status = 'ACTIVE'
            """, new { KeyId = parts[0] }, cancellationToken: cancellationToken));
        if (row is not { } key || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.SecretHash), Encoding.ASCII.GetBytes(Sha256Hex.Of(parts[1]))))
        {
            throw EsfException.SessionClosed();
        }

        // A key draws on its enterprise's budget, the same one as the enterprise's sessions.
        budget?.Charge(key.Tin);
        Sandbox.EnterpriseScope.Name(key.Tin);
        return new SessionContext($"apikey:{parts[0]}", key.Login, key.Tin, key.Profile, "");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
