using Dapper;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Signatures;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Esf.Infrastructure.Sessions;

/// <summary>Opens, checks and closes sessions; every business call starts with <see cref="RequireAsync"/>.</summary>
public sealed class SessionService(NpgsqlDataSource database, IOptions<EsfOptions> options, TimeProvider clock)
{
    private readonly TimeSpan idle = TimeSpan.FromMinutes(options.Value.SessionIdleMinutes);

    /// <summary>createSession: checks the credentials, the certificate and the user's right to act for the enterprise.</summary>
    public async Task<string> CreateAsync(CreateSessionRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await VerifyPasswordAsync(connection, request.Login, request.Password, cancellationToken);
        VerifyCertificate(request.Certificate, request.Login);
        var profile = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT business_profile_type FROM user_enterprises WHERE login = @Login AND tin = @Tin",
            new { request.Login, request.Tin }, cancellationToken: cancellationToken))
            ?? throw EsfException.Code("ENTERPRISE_NOT_FOUND_FOR_USER");

        var sessionId = $"{Guid.NewGuid():N}-{request.Tin}-{request.ProjectCode}";
        const string Insert = """
            UPDATE sessions SET closed_at = @Now WHERE login = @Login AND closed_at IS NULL AND last_seen_at < @IdleSince;
            INSERT INTO sessions (session_id, login, tin, business_profile_type, project_code, source_type, certificate, created_at, last_seen_at)
            VALUES (@SessionId, @Login, @Tin, @Profile, @ProjectCode, @SourceType, @Certificate, @Now, @Now)
            ON CONFLICT DO NOTHING
            RETURNING session_id;
            """;
        var now = clock.GetUtcNow();
        var created = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Insert, new
        {
            SessionId = sessionId, request.Login, request.Tin, Profile = request.BusinessProfileType ?? profile, request.ProjectCode,
            request.SourceType, request.Certificate, Now = now, IdleSince = now - idle,
        }, cancellationToken: cancellationToken));
        if (created is not null)
        {
            return created;
        }

        var open = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT session_id FROM sessions WHERE login = @Login AND closed_at IS NULL", new { request.Login }, cancellationToken: cancellationToken));
        throw EsfException.Business($"Can`t create a new user session. User already has opened session with id {open}");
    }

    /// <summary>closeSession: closes the session if it is open; answers the resulting status.</summary>
    public async Task<SessionStatus> CloseAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var found = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            WITH closed AS (UPDATE sessions SET closed_at = coalesce(closed_at, @Now) WHERE session_id = @SessionId RETURNING 1)
            SELECT count(*) > 0 FROM closed
            """, new { SessionId = sessionId, Now = clock.GetUtcNow() }, cancellationToken: cancellationToken));
        return found ? SessionStatus.Closed : SessionStatus.NotFound;
    }

    /// <summary>closeSessionByCredentials: closes the user's open session, whatever its id.</summary>
    public async Task<SessionStatus> CloseByCredentialsAsync(string tin, string login, string password, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await VerifyPasswordAsync(connection, login, password, cancellationToken);
        var closed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET closed_at = @Now WHERE login = @Login AND tin = @Tin AND closed_at IS NULL",
            new { Login = login, Tin = tin, Now = clock.GetUtcNow() }, cancellationToken: cancellationToken));
        return closed > 0 ? SessionStatus.Closed : SessionStatus.NotFound;
    }

    /// <summary>currentSessionStatus: OK while open and not idle too long.</summary>
    public async Task<SessionStatus> StatusAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(DateTimeOffset? ClosedAt, DateTimeOffset LastSeenAt)?>(new CommandDefinition(
            "SELECT closed_at, last_seen_at FROM sessions WHERE session_id = @SessionId", new { SessionId = sessionId },
            cancellationToken: cancellationToken));
        return row switch
        {
            null => SessionStatus.NotFound,
            { ClosedAt: null } open when open.LastSeenAt > clock.GetUtcNow() - idle => SessionStatus.Ok,
            _ => SessionStatus.Closed,
        };
    }

    /// <summary>The open session, or <see cref="EsfException.SessionClosed"/>; touches its idle timer.</summary>
    public async Task<SessionContext> RequireAsync(string? sessionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(sessionId))
        {
            throw EsfException.SessionClosed();
        }

        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SessionContext>(new CommandDefinition("""
            UPDATE sessions SET last_seen_at = @Now
            WHERE session_id = @SessionId AND closed_at IS NULL AND last_seen_at > @IdleSince
            RETURNING session_id AS SessionId, login AS Login, tin AS Tin, business_profile_type AS BusinessProfileType, certificate AS Certificate
            """, new { SessionId = sessionId, Now = now, IdleSince = now - idle }, cancellationToken: cancellationToken))
            ?? throw EsfException.SessionClosed();
    }

    /// <summary>currentUser: the user and the enterprise of the session.</summary>
    public async Task<UserProfile> CurrentUserAsync(SessionContext session, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var user = await connection.QuerySingleAsync<(string Login, string? FirstName, string? LastName, string? Email, string Status)>(
            new CommandDefinition("SELECT login, first_name, last_name, email, status FROM users WHERE login = @Login",
                new { session.Login }, cancellationToken: cancellationToken));
        var taxpayer = await connection.QuerySingleAsync<TaxpayerInfo>(new CommandDefinition("""
            SELECT tin AS Tin, name_ru AS NameRu, name_kz AS NameKz, address_ru AS AddressRu, is_resident AS Resident,
                   enterprise_type AS EnterpriseType, vat_certificate_series AS CertificateSeries,
                   vat_certificate_num AS CertificateNum, kogd AS Kogd
            FROM taxpayers WHERE tin = @Tin
            """, new { session.Tin }, cancellationToken: cancellationToken));
        return new UserProfile(user.Login, user.FirstName, user.LastName, user.Email, user.Status, taxpayer);
    }

    /// <summary>currentUserProfiles: every enterprise the session's user may act for.</summary>
    public async Task<IReadOnlyList<BusinessProfile>> ProfilesAsync(SessionContext session, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<BusinessProfile>(new CommandDefinition("""
            SELECT e.login AS Iin, e.tin AS Tin, e.business_profile_type AS BusinessProfileType, u.status AS Status
            FROM user_enterprises e JOIN users u ON u.login = e.login
            WHERE e.login = @Login ORDER BY e.tin
            """, new { session.Login }, cancellationToken: cancellationToken))).ToList();
    }

    private static async Task VerifyPasswordAsync(NpgsqlConnection connection, string login, string password, CancellationToken cancellationToken)
    {
        var user = await connection.QuerySingleOrDefaultAsync<(string PasswordHash, string Status)?>(new CommandDefinition(
            "SELECT password_hash, status FROM users WHERE login = @Login", new { Login = login }, cancellationToken: cancellationToken));
        if (user is null || !PasswordHasher.Verify(password, user.Value.PasswordHash))
        {
            // One answer for an unknown login and a wrong password, so logins cannot be probed.
            throw EsfException.Code("PASSWORD_INVALID");
        }

        if (user.Value.Status != "ACTIVE")
        {
            throw EsfException.Code("USER_BLOCKED");
        }
    }

    private void VerifyCertificate(string certificateText, string login)
    {
        if (!CertificateParser.TryParse(certificateText, out var certificate))
        {
            throw EsfException.Code("CERTIFICATE_INVALID_FORMAT");
        }

        using (certificate)
        {
            var now = clock.GetUtcNow();
            if (now < certificate.NotBefore.ToUniversalTime())
            {
                throw EsfException.Code("CERTIFICATE_NOT_YET_VALID");
            }

            if (now > certificate.NotAfter.ToUniversalTime())
            {
                throw EsfException.Code("CERTIFICATE_EXPIRED");
            }

            if (CertificateParser.Subject(certificate).Iin is { } iin && iin != login)
            {
                throw EsfException.Code("IIN_NOT_VALID");
            }
        }
    }
}
