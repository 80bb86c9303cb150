using Dapper;
using Esf.Infrastructure.Employees;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Signatures;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Esf.Infrastructure.Sessions;

/// <summary>Opens, checks and closes sessions; every business call starts with <see cref="RequireAsync"/>.</summary>
/// <param name="budget">The tenants' rate budget where the gateway role limits rates; none in a worker.</param>
/// <param name="lockout">The per-login lockout after failed passwords, where the gateway role limits rates.</param>
public sealed class SessionService(
    NpgsqlDataSource database, IOptions<EsfOptions> options, TimeProvider clock, CertificateValidator certificates,
    ITenantRequestBudget? budget = null, ILoginLockout? lockout = null)
{
    private readonly TimeSpan idle = TimeSpan.FromMinutes(options.Value.SessionIdleMinutes);

    internal TimeSpan Idle => idle;

    /// <summary>createSession: checks the credentials, the certificate and the user's right to act for the enterprise.</summary>
    public async Task<string> CreateAsync(CreateSessionRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await VerifyPasswordAsync(connection, request.Login, request.Password, cancellationToken);
        VerifyCertificate(request.Certificate, request.Login);
        var profile = await UserAccounts.ProfileAsync(connection, request.Login, request.Tin, request.BusinessProfileType, cancellationToken);
        var session = new SessionOpener.NewSession(
            $"{Guid.NewGuid():N}-{request.Tin}-{request.ProjectCode}", request.Login, request.Tin, profile, request.ProjectCode,
            request.SourceType, request.Certificate);
        return await SessionOpener.OpenAsync(connection, session, clock.GetUtcNow(), idle, cancellationToken);
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

    /// <summary>closeSessionByCredentials: closes the user's open session, whatever its id, after the same checks as a login.</summary>
    public async Task<SessionStatus> CloseByCredentialsAsync(
        string tin, string certificate, string login, string password, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await VerifyPasswordAsync(connection, login, password, cancellationToken);
        VerifyCertificate(certificate, login);
        await UserAccounts.ProfileAsync(connection, login, tin, null, cancellationToken);
        return await CloseOpenAsync(login, tin, cancellationToken);
    }

    /// <summary>Closes the open session of <paramref name="login"/> for <paramref name="tin"/>, if any.</summary>
    internal async Task<SessionStatus> CloseOpenAsync(string login, string tin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
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

    /// <summary>
    /// The open session, or <see cref="EsfException.SessionClosed"/>; touches its idle timer and charges the request to the
    /// session's enterprise (SOAP and REST alike, so that no kind of session escapes the rate limits).
    /// </summary>
    public async Task<SessionContext> RequireAsync(string? sessionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(sessionId))
        {
            throw EsfException.SessionClosed();
        }

        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition($"""
            WITH touched AS (
                UPDATE sessions SET last_seen_at = @Now
                WHERE session_id = @SessionId AND closed_at IS NULL AND last_seen_at > @IdleSince
                RETURNING session_id, login, tin, business_profile_type, certificate)
            SELECT t.session_id AS SessionId, t.login AS Login, t.tin AS Tin, t.business_profile_type AS BusinessProfileType,
                   t.certificate AS Certificate, {EmployeeAuthorityColumns.For("t")}
            FROM touched t
            """, new { SessionId = sessionId, Now = now, IdleSince = now - idle }, cancellationToken: cancellationToken))
            ?? throw EsfException.SessionClosed();
        // The rest of the request runs in the session enterprise's world (the sandbox clock), whose day judges the rights' terms.
        Sandbox.EnterpriseScope.Name(row.Tin);
        budget?.Charge(row.Tin);
        var authority = EmployeeAuthorityColumns.Authority(row.BusinessProfileType, row.Blocked, row.Rights, KazakhstanTime.Today(clock));
        var session = new SessionContext(row.SessionId, row.Login, row.Tin, row.BusinessProfileType, row.Certificate) { Authority = authority };
        return session;
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

    private async Task VerifyPasswordAsync(NpgsqlConnection connection, string login, string password, CancellationToken cancellationToken)
    {
        lockout?.EnsureNotLockedOut(login);
        try
        {
            await UserAccounts.VerifyPasswordAsync(connection, login, password, cancellationToken);
        }
        catch (EsfException refused) when (refused.ErrorCode == "PASSWORD_INVALID")
        {
            lockout?.Failed(login);
            throw;
        }
    }

    /// <summary>
    /// The certificate is only presented on the legacy login (the real wire carries no challenge), so it must at least name
    /// the login's ИИН: one without SERIALNUMBER=IIN… proves nothing about who logs in (M4).
    /// </summary>
    private void VerifyCertificate(string certificateText, string login)
    {
        if (!CertificateParser.TryParse(certificateText, out var certificate))
        {
            throw EsfException.Code("CERTIFICATE_INVALID_FORMAT");
        }

        using (certificate)
        {
            certificates.Validate(certificate, CertificatePurpose.Authentication);
            if (CertificateParser.Subject(certificate).Iin != login)
            {
                throw EsfException.Code("IIN_NOT_VALID");
            }
        }
    }

    private sealed record SessionRow(
        string SessionId, string Login, string Tin, string BusinessProfileType, string Certificate, bool? Blocked, string? Rights);
}
