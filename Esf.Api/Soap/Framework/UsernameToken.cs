namespace Esf.Api.Soap.Framework;

/// <summary>The WS-Security UsernameToken of a request: the user's IIN and ESF account password (PasswordText).</summary>
public sealed record UsernameToken(string Username, string Password);
