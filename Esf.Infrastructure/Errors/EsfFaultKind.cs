namespace Esf.Infrastructure.Errors;

/// <summary>The three fault kinds the real API declares (esf-api-facts §10).</summary>
public enum EsfFaultKind
{
    /// <summary>sessionClosedException: no open session for the call.</summary>
    SessionClosed,
    /// <summary>accessDeniedException: the user lacks the right for this operation or enterprise.</summary>
    AccessDenied,
    /// <summary>businessException: the request cannot be carried out; the description is a code or a message.</summary>
    Business,
}
