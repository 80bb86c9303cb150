namespace Esf.Api.Rest.Auth;

/// <summary>Marks an endpoint that needs a bearer session, so the OpenAPI document lists the security requirement on it alone.</summary>
public sealed class RequiresBearerMetadata
{
    public static readonly RequiresBearerMetadata Instance = new();

    private RequiresBearerMetadata()
    {
    }
}
