using Esf.Infrastructure.Security;

namespace Esf.Infrastructure.Sessions;

/// <summary>
/// Whether the credential a long response (an event stream, an export) was opened with still holds: the session open and not
/// idle, or the API key unrevoked and unexpired (security review H5). It neither touches the session's idle timer nor charges
/// the enterprise's rate budget, so a stream cannot keep its own session alive.
/// </summary>
public sealed class CredentialRecheck(SessionService sessions, ApiKeyStore keys)
{
    public async Task<bool> HoldsAsync(SessionContext caller, CancellationToken cancellationToken) =>
        await keys.IsActiveAsync(caller, cancellationToken)
        ?? await sessions.StatusAsync(caller.SessionId, cancellationToken) == SessionStatus.Ok;
}
