using Microsoft.AspNetCore.Mvc;

namespace Esf.Api.Rest.Problems;

/// <summary>Documents the problem answers an endpoint may give, so that Swagger shows every status a client must handle.</summary>
public static class ProblemMetadataExtensions
{
    public static TBuilder ProducesRestProblems<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(statusCodes
            .Select(status => new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]))
            .ToArray<object>());
        return builder;
    }
}
