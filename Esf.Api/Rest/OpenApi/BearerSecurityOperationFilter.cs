using Esf.Api.Rest.Auth;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Esf.Api.Rest.OpenApi;

/// <summary>
/// Adds the bearer requirement to the operations that take a <see cref="BearerSession"/>, and to no others (login is open).
/// </summary>
public sealed class BearerSecurityOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RequiresBearerMetadata>().Any())
        {
            return;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(RestOpenApi.BearerSchemeName, context.Document)] = [],
        });
    }
}
