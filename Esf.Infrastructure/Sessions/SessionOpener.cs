using Dapper;
using Esf.Infrastructure.Errors;
using Npgsql;

namespace Esf.Infrastructure.Sessions;

/// <summary>Stores a new session, keeping the real service's rule of one open session per user (idle ones are closed first).</summary>
internal static class SessionOpener
{
    public sealed record NewSession(
        string SessionId, string Login, string Tin, string Profile, long? ProjectCode, string? SourceType, string Certificate);

    public static async Task<string> OpenAsync(
        NpgsqlConnection connection, NewSession session, DateTimeOffset now, TimeSpan idle, CancellationToken cancellationToken)
    {
        const string Insert = """
            UPDATE sessions SET closed_at = @Now WHERE login = @Login AND closed_at IS NULL AND last_seen_at < @IdleSince;
            INSERT INTO sessions (session_id, login, tin, business_profile_type, project_code, source_type, certificate, created_at, last_seen_at)
            VALUES (@SessionId, @Login, @Tin, @Profile, @ProjectCode, @SourceType, @Certificate, @Now, @Now)
            ON CONFLICT DO NOTHING
            RETURNING session_id;
            """;
        var created = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Insert, new
        {
            session.SessionId, session.Login, session.Tin, session.Profile, session.ProjectCode, session.SourceType, session.Certificate,
            Now = now, IdleSince = now - idle,
        }, cancellationToken: cancellationToken));
        if (created is not null)
        {
            return created;
        }

        var open = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT session_id FROM sessions WHERE login = @Login AND closed_at IS NULL", new { session.Login }, cancellationToken: cancellationToken));
        throw EsfException.SessionAlreadyOpen(open);
    }
}
