namespace Esf.Api.Soap.Framework;

/// <summary>What an operation handler may know about the request besides its body.</summary>
public sealed class SoapCall(HttpContext http, UsernameToken? usernameToken)
{
    public CancellationToken CancellationToken => http.RequestAborted;

    /// <summary>HTTP headers of the answer, for what the gateway adds outside the real wire's envelope (ADR 0020).</summary>
    public IHeaderDictionary ResponseHeaders => http.Response.Headers;

    public T Get<T>()
        where T : notnull => http.RequestServices.GetRequiredService<T>();

    /// <summary>The UsernameToken when the client sent one (ticket login accepts it but does not need it).</summary>
    public UsernameToken? UsernameToken => usernameToken is { Username.Length: > 0 } ? usernameToken : null;

    /// <summary>The UsernameToken, or the WS-Security fault the real server gives when it is missing.</summary>
    public UsernameToken RequireUsernameToken() =>
        usernameToken is { Username.Length: > 0 } ? usernameToken : throw new SoapFaultException(SoapFault.SecurityError);
}
