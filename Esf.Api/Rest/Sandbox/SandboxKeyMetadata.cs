namespace Esf.Api.Rest.Sandbox;

/// <summary>Marks the sandbox's endpoints, so the OpenAPI document lists the X-Sandbox-Key requirement on them alone.</summary>
public sealed class SandboxKeyMetadata
{
    public static readonly SandboxKeyMetadata Instance = new();

    private SandboxKeyMetadata()
    {
    }
}
