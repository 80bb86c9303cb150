using Dapper;
using Esf.Infrastructure.Errors;
using Npgsql;

namespace Esf.Infrastructure.Sessions;

/// <summary>The checks every login shares: the ESF account, its status and its right to act for an enterprise.</summary>
internal static class UserAccounts
{
    public static async Task VerifyPasswordAsync(NpgsqlConnection connection, string login, string password, CancellationToken cancellationToken)
    {
        var user = await connection.QuerySingleOrDefaultAsync<(string PasswordHash, string Status)?>(new CommandDefinition(
            "SELECT password_hash, status FROM users WHERE login = @Login", new { Login = login }, cancellationToken: cancellationToken));
        if (!PasswordMatches(password, user?.PasswordHash, PasswordHasher.Verify) || user is null)
        {
            // One answer for an unknown login and a wrong password, so logins cannot be probed.
            throw EsfException.Code("PASSWORD_INVALID");
        }

        RequireActive(user.Value.Status);
    }

    /// <summary>
    /// Verifies the password against the stored hash, or against a dummy hash for an unknown login: both cost one PBKDF2, so an
    /// unknown login answers no faster than a wrong password (security review L1). <paramref name="verify"/> is the seam the
    /// tests count verifications through.
    /// </summary>
    internal static bool PasswordMatches(string password, string? storedHash, Func<string, string, bool> verify) =>
        verify(password, storedHash ?? PasswordHasher.UnknownUserHash) && storedHash is not null;

    /// <summary>For certificate logins, where the certificate (not a password) proved who is calling.</summary>
    public static async Task RequireActiveUserAsync(NpgsqlConnection connection, string login, CancellationToken cancellationToken)
    {
        var status = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT status FROM users WHERE login = @Login", new { Login = login }, cancellationToken: cancellationToken))
            ?? throw EsfException.Code("USER_NOT_FOUND");
        RequireActive(status);
    }

    /// <summary>
    /// The business profile the user holds in the enterprise. A requested profile must be that one: a client cannot
    /// raise itself from USER to ADMIN_ENTERPRISE by asking.
    /// </summary>
    public static async Task<string> ProfileAsync(
        NpgsqlConnection connection, string login, string tin, string? requested, CancellationToken cancellationToken)
    {
        var membership = await connection.QuerySingleOrDefaultAsync<(string Profile, bool Blocked)?>(new CommandDefinition(
            "SELECT business_profile_type, blocked_at IS NOT NULL FROM user_enterprises WHERE login = @Login AND tin = @Tin",
            new { Login = login, Tin = tin }, cancellationToken: cancellationToken))
            ?? throw EsfException.Code("ENTERPRISE_NOT_FOUND_FOR_USER");
        if (membership.Blocked)
        {
            // The head blocked this person in this enterprise (ADR 0037); its other enterprises are not concerned.
            throw EsfException.Code("USER_BLOCKED");
        }

        var profile = membership.Profile;
        if (!string.IsNullOrEmpty(requested) && requested != profile)
        {
            throw EsfException.Code(BusinessProfileTypes.IsKnown(requested) ? "NO_REQUIRED_PERMISSIONS" : "BUSINESS_PROFILE_TYPE_REQUIRED");
        }

        return profile;
    }

    private static void RequireActive(string status)
    {
        if (status != "ACTIVE")
        {
            throw EsfException.Code("USER_BLOCKED");
        }
    }
}
