namespace Esf.Infrastructure.Errors;

/// <summary>
/// What went wrong, which decides the REST status in one place (ADR 0005). SOAP knows only the three kinds the real API
/// declares (esf-api-facts §10): every kind after <see cref="AccessDenied"/> travels there as a businessException.
/// </summary>
public enum EsfFaultKind
{
    /// <summary>sessionClosedException: no open session (or no valid credential) for the call. REST 401.</summary>
    SessionClosed,
    /// <summary>accessDeniedException: the user lacks the right for this operation or enterprise. REST 403.</summary>
    AccessDenied,
    /// <summary>businessException: a business rule refuses the request or the document. REST 422.</summary>
    Business,
    /// <summary>The request itself is unreadable: a value of the wrong format, a missing field, an unknown name. REST 400.</summary>
    InvalidInput,
    /// <summary>The addressed resource does not exist or is not visible to the caller. REST 404.</summary>
    NotFound,
    /// <summary>The request contradicts the resource's current state (a reused Idempotency-Key, a transition the lifecycle lacks). REST 409.</summary>
    Conflict,
}
