namespace Esf.Infrastructure.Errors;

/// <summary>
/// An expected refusal of a request, mapped to a SOAP fault or an RFC 7807 problem in one place per protocol.
/// <see cref="Description"/> is what the client sees: the real service's text or a bare errorCode. <see cref="Exception.Message"/>
/// is what logs and traces carry: the description, unless that holds a secret (security review M1).
/// </summary>
public class EsfException(EsfFaultKind kind, string description, string? errorCode = null, string? logText = null)
    : Exception(logText ?? description)
{
    public EsfFaultKind Kind { get; } = kind;

    public string Description { get; } = description;

    /// <summary>The errorCode of the real API where one applies (e.g. <c>CERTIFICATE_EXPIRED</c>).</summary>
    public string? ErrorCode { get; } = errorCode;

    /// <summary>errorCode of a retry that reuses an Idempotency-Key for a different request (REST answers 409).</summary>
    public const string IdempotencyKeyReusedCode = "IDEMPOTENCY_KEY_REUSED";

    /// <summary>errorCode of a request value that cannot be read.</summary>
    public const string InvalidInputCode = "FIELD_INVALID";

    /// <summary>errorCode of a login while the user has an open session (REST answers 409).</summary>
    public const string SessionAlreadyOpenCode = "SESSION_ALREADY_OPEN";

    /// <summary>The real wire's text without the open session's id: what logs and the REST problem carry.</summary>
    public const string SessionAlreadyOpenText = "Can`t create a new user session. User already has opened session";

    /// <summary>
    /// A second login of a user with an open session. The SOAP fault keeps the real text with the id, which clients parse
    /// to recover (esf-api-facts §2; only after the password was checked); the id is a bearer credential, so it never
    /// reaches a log (M1).
    /// </summary>
    public static EsfException SessionAlreadyOpen(string? openSessionId) => new(
        EsfFaultKind.Conflict, $"{SessionAlreadyOpenText} with id {openSessionId}", SessionAlreadyOpenCode, SessionAlreadyOpenText);

    public static EsfException SessionClosed() => new(EsfFaultKind.SessionClosed, "No open session associated with user.");

    public static EsfException AccessDenied(string description) => new(EsfFaultKind.AccessDenied, description);

    public static EsfException Business(string description, string? errorCode = null) => new(EsfFaultKind.Business, description, errorCode);

    /// <summary>A request value that cannot be read (errorCode <c>FIELD_INVALID</c> unless given).</summary>
    public static EsfException InvalidInput(string description, string errorCode = InvalidInputCode) =>
        new(EsfFaultKind.InvalidInput, description, errorCode);

    public static EsfException NotFound(string description, string errorCode = "NOT_FOUND") => new(EsfFaultKind.NotFound, description, errorCode);

    public static EsfException Conflict(string description, string? errorCode) => new(EsfFaultKind.Conflict, description, errorCode);

    public static EsfException IdempotencyKeyReused(string key) => new(
        EsfFaultKind.Conflict,
        $"Ключ идемпотентности «{key}» уже использован для другого запроса (Idempotency-Key reused with a different request).",
        IdempotencyKeyReusedCode);

    /// <summary>A business fault whose text is the bare errorCode, as the real service answers (e.g. <c>PASSWORD_INVALID</c>).</summary>
    public static EsfException Code(string errorCode) => new(EsfFaultKind.Business, errorCode, errorCode);
}
