namespace Esf.Infrastructure.Sessions;

/// <summary>
/// Legacy login (createSession): the enterprise, the user's authentication certificate, and the ESF account credentials
/// that SOAP clients send in a WS-Security UsernameToken.
/// </summary>
public sealed record CreateSessionRequest(
    string Tin,
    string Certificate,
    string Login,
    string Password,
    long? ProjectCode = null,
    string? BusinessProfileType = null,
    string? SourceType = null);
