using System.Reflection;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Sessions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Esf.Api.Rest.Auth;

/// <summary>
/// The open session named by <c>Authorization: Bearer &lt;sessionId&gt;</c> (the same ids SOAP uses), or the enterprise's
/// API key in <c>X-Api-Key</c> for machine-to-machine calls. Taking it as a handler
/// parameter is what makes an endpoint require a session: binding throws <see cref="EsfException.SessionClosed"/> otherwise,
/// and the endpoint is documented with the bearer scheme and a 401 answer.
/// </summary>
public sealed record BearerSession(SessionContext Context) : IBindableFromHttpContext<BearerSession>, IEndpointParameterMetadataProvider
{
    private const string Scheme = "Bearer";

    public string SessionId => Context.SessionId;

    public static async ValueTask<BearerSession?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        if (context.Request.Headers[ApiKeyHeader.Name].ToString() is { Length: > 0 } apiKey)
        {
            var keys = context.RequestServices.GetRequiredService<ApiKeyStore>();
            return new BearerSession(await keys.AuthenticateAsync(apiKey, Writes(context.Request.Method), context.RequestAborted));
        }

        var sessionId = ReadToken(context.Request.Headers[HeaderNames.Authorization].ToString()) ?? throw EsfException.SessionClosed();
        var sessions = context.RequestServices.GetRequiredService<SessionService>();
        return new BearerSession(await sessions.RequireAsync(sessionId, context.RequestAborted));
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        builder.Metadata.Add(RequiresBearerMetadata.Instance);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(
            StatusCodes.Status401Unauthorized, typeof(ProblemDetails), ["application/problem+json"]));
    }

    private static bool Writes(string method) => !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);

    private static string? ReadToken(string header) =>
        header.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase) && header[(Scheme.Length + 1)..].Trim() is { Length: > 0 } token
            ? token
            : null;
}
