using System.Security.Cryptography;
using System.Text;
using Dapper;
using Esf.Infrastructure.Employees;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Esf.Infrastructure.Security;

/// <summary>
/// API keys per enterprise for machine-to-machine REST calls: <c>esf_&lt;keyId&gt;_&lt;secret&gt;</c>. Only SHA-256 of the
/// 256-bit random secret is stored (a slow KDF adds nothing against a secret that cannot be guessed), compared in constant time.
/// A key acts as the user who created it, for that user's enterprise, until revoked or expired, within its scope. Only the
/// head of the enterprise creates keys; the head or the key's creator revokes one (security review L7).
/// </summary>
public sealed class ApiKeyStore(NpgsqlDataSource database, IOptions<QuotaOptions> quotas, TimeProvider clock, ITenantRequestBudget? budget = null)
{
    public const string Prefix = "esf_";

    /// <summary>What a key's session context carries as its session id, before the key id.</summary>
    private const string SessionIdPrefix = "apikey:";

    private const string Columns = """
        key_id AS KeyId, tin AS Tin, login AS Login, name AS Name, created_at AS CreatedAt, revoked_at AS RevokedAt,
        expires_at AS ExpiresAt, scope AS Scope
        """;

    private const string Usable = "revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @Now)";

    /// <summary>Counts the usable keys of <c>@Tin</c> at <c>@Now</c>: what <c>Esf:Quotas:ApiKeysPerTenant</c> limits.</summary>
    internal const string CountUsable = "SELECT count(*) FROM api_keys WHERE tin = @Tin AND " + Usable;

    public async Task<(ApiKey Key, string Secret)> CreateAsync(
        SessionContext session, string name, string scope, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        RequireHead(session, "create API keys");
        var now = clock.GetUtcNow();
        if (expiresAt <= now)
        {
            throw EsfException.Business("expiresAt must be in the future.", "FIELD_INVALID");
        }

        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var limit = quotas.Value.ApiKeysPerTenant;
        await TenantQuotas.EnsureRoomAsync(connection, session.Tin, CountUsable,
            new { session.Tin, Now = now }, limit, "usable API keys", "Esf:Quotas:ApiKeysPerTenant", cancellationToken);
        var key = await connection.QuerySingleAsync<ApiKey>(new CommandDefinition($"""
            INSERT INTO api_keys (key_id, tin, login, name, secret_hash, created_at, expires_at, scope)
            VALUES (@KeyId, @Tin, @Login, @Name, @Hash, @Now, @ExpiresAt, @Scope)
            RETURNING {Columns}
            """, new { KeyId = keyId, session.Tin, session.Login, Name = name, Hash = Sha256Hex.Of(secret), Now = now, ExpiresAt = expiresAt, Scope = scope },
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return (key, $"{Prefix}{keyId}_{secret}");
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(string tin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<ApiKey>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE tin = @Tin ORDER BY created_at, key_id", new { Tin = tin }, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// Revokes a key of the session's enterprise: the head may revoke any, anyone else only a key they created. Another
    /// enterprise's key answers as a missing one.
    /// </summary>
    public async Task<bool> RevokeAsync(SessionContext session, string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var creator = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT login FROM api_keys WHERE key_id = @KeyId AND tin = @Tin", new { KeyId = keyId, session.Tin }, cancellationToken: cancellationToken));
        if (creator is null)
        {
            return false;
        }

        if (creator != session.Login)
        {
            RequireHead(session, "revoke another user's API key");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = coalesce(revoked_at, @Now) WHERE key_id = @KeyId AND tin = @Tin",
            new { KeyId = keyId, session.Tin, Now = clock.GetUtcNow() }, cancellationToken: cancellationToken));
        return true;
    }

    /// <summary>
    /// Whether the key behind <paramref name="caller"/> (a context <see cref="AuthenticateAsync"/> made) is still unrevoked,
    /// unexpired and its user active; null when the caller holds a session, not a key. Charges no rate budget.
    /// </summary>
    public async Task<bool?> IsActiveAsync(SessionContext caller, CancellationToken cancellationToken)
    {
        if (!caller.SessionId.StartsWith(SessionIdPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM api_keys k JOIN users u ON u.login = k.login
                           WHERE k.key_id = @KeyId AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > @Now) AND u.status = 'ACTIVE')
            """, new { KeyId = caller.SessionId[SessionIdPrefix.Length..], Now = clock.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The caller behind a key, as a session context; <see cref="EsfException.SessionClosed"/> for anything else (unknown,
    /// revoked, expired), and <see cref="EsfException.AccessDenied"/> when a read-only key is used to write.
    /// </summary>
    /// <param name="writes">The request changes something (any method but GET and HEAD).</param>
    public async Task<SessionContext> AuthenticateAsync(string presented, bool writes, CancellationToken cancellationToken)
    {
        var parts = presented.StartsWith(Prefix, StringComparison.Ordinal) ? presented[Prefix.Length..].Split('_', 2) : [];
        if (parts.Length != 2)
        {
            throw EsfException.SessionClosed();
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Tin, string Login, string SecretHash, string Profile, string Scope, bool? Blocked, string? Rights)?>(new CommandDefinition($"""
            SELECT k.tin, k.login, k.secret_hash, e.business_profile_type, k.scope, {EmployeeAuthorityColumns.For("k")}
            FROM api_keys k JOIN user_enterprises e ON e.login = k.login AND e.tin = k.tin JOIN users u ON u.login = k.login
            WHERE k.key_id = @KeyId AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > @Now) AND u.status = 'ACTIVE'
            """, new { KeyId = parts[0], Now = clock.GetUtcNow() }, cancellationToken: cancellationToken));
        if (row is not { } key || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.SecretHash), Encoding.ASCII.GetBytes(Sha256Hex.Of(parts[1]))))
        {
            throw EsfException.SessionClosed();
        }

        if (writes && key.Scope == ApiKeyScopes.Read)
        {
            throw EsfException.AccessDenied("This API key is read-only (scope read): it may only call GET.");
        }

        // A key draws on its enterprise's budget, the same one as the enterprise's sessions.
        budget?.Charge(key.Tin);
        Sandbox.EnterpriseScope.Name(key.Tin);
        // A key acts with its holder's rights in the enterprise, as the holder's session would (ADR 0037).
        var authority = EmployeeAuthorityColumns.Authority(key.Profile, key.Blocked, key.Rights, KazakhstanTime.Today(clock));
        return new SessionContext(SessionIdPrefix + parts[0], key.Login, key.Tin, key.Profile, "") { Authority = authority };
    }

    private static void RequireHead(SessionContext session, string action)
    {
        if (!BusinessProfileTypes.IsHead(session.BusinessProfileType))
        {
            throw EsfException.AccessDenied($"Only the head of the enterprise (ADMIN_ENTERPRISE or ENTREPRENEUR) may {action}.");
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
