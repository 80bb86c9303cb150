using Esf.Infrastructure.Errors;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Sandbox;
using Microsoft.Extensions.Options;

namespace Esf.Api.Rest.Sandbox;

/// <summary>
/// The fence of /api/v1/sandbox/: 404 while the sandbox is off (the routes stay in the OpenAPI document so integrators can read
/// them), 401 without the right <c>X-Sandbox-Key</c>. A session or an API key opens nothing here.
/// </summary>
public sealed class SandboxFence(IOptions<SandboxOptions> options, SandboxKey key) : IEndpointFilter
{
    public const string KeyHeader = "X-Sandbox-Key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!options.Value.Enabled)
        {
            throw EsfException.NotFound("The sandbox is off (Esf:Sandbox:Enabled).");
        }

        if (!key.Matches(context.HttpContext.Request.Headers[KeyHeader].FirstOrDefault()))
        {
            // 401 like a missing session: the caller lacks the credential, not a right.
            throw new EsfException(EsfFaultKind.SessionClosed,
                $"The sandbox needs the header {KeyHeader} with the key of this gateway (sandboxKey in .esf/demo.json, or Esf:Sandbox:Key).",
                "ACCESS_DENIED");
        }

        return next(context);
    }
}
