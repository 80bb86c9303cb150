using Esf.Api.Rest.GovernmentSystems;
using Esf.Api.Rest.Problems;

namespace Esf.Api.Rest.Sandbox;

/// <summary>/api/v1/sandbox/: the test server for integrators, behind <see cref="SandboxFence"/>.</summary>
public static class SandboxEndpoints
{
    public const string Tag = "Sandbox";

    public static RouteGroupBuilder MapSandboxEndpoints(this RouteGroupBuilder api)
    {
        var sandbox = api.MapGroup("/sandbox")
            .WithTags(Tag)
            .AddEndpointFilter<SandboxFence>()
            .WithMetadata(SandboxKeyMetadata.Instance)
            .ProducesRestProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
        sandbox.MapSandboxRegistryEndpoints();
        sandbox.MapSandboxKeyEndpoints();
        sandbox.MapSandboxClockEndpoints();
        sandbox.MapSandboxFaultEndpoints();
        sandbox.MapSandboxResetEndpoints();
        sandbox.MapSandboxIsgoEndpoints();
        return api;
    }
}
