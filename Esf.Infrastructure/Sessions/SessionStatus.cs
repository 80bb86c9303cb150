namespace Esf.Infrastructure.Sessions;

/// <summary>sessionStatus of the real API: OK, CLOSED, NOT_FOUND.</summary>
public enum SessionStatus
{
    Ok,
    Closed,
    NotFound,
}
