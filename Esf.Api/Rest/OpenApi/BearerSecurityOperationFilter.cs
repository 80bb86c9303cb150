using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Sandbox;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Esf.Api.Rest.OpenApi;

/// <summary>
/// Adds the bearer requirement to the operations that take a <see cref="BearerSession"/>, and to no others (login is open);
/// the sandbox's operations get the X-Sandbox-Key requirement instead.
/// </summary>
public sealed class BearerSecurityOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var scheme = metadata.OfType<SandboxKeyMetadata>().Any() ? RestOpenApi.SandboxKeySchemeName
            : metadata.OfType<RequiresBearerMetadata>().Any() ? RestOpenApi.BearerSchemeName
            : null;
        if (scheme is null)
        {
            return;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [],
        });
    }
}
