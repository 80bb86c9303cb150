using Esf.Api.Rest.Auth;
using Esf.Api.Rest.Problems;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Esf.Api.Rest.ApiKeys;

/// <summary>/api/v1/api-keys: the enterprise's keys for machine-to-machine calls (send one as <c>X-Api-Key</c>).</summary>
public static class ApiKeyEndpoints
{
    public static RouteGroupBuilder MapApiKeyEndpoints(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("API keys");

        keys.MapPost("/", CreateAsync)
            .WithName("CreateApiKey")
            .WithSummary("Create an API key")
            .WithDescription("A key for the session's enterprise, acting as the session's user, with scope full (default) or read (GET only) "
                + "and an optional expiresAt. Only the head of the enterprise (ADMIN_ENTERPRISE, ENTREPRENEUR) may create keys, up to "
                + "Esf:Quotas:ApiKeysPerTenant usable ones (422 QUOTA_EXCEEDED). The secret is answered once; only its hash is kept.")
            .ProducesRestProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity);

        keys.MapGet("/", ListAsync)
            .WithName("ListApiKeys")
            .WithSummary("The enterprise's API keys")
            .WithDescription("Every key of the session's enterprise, revoked ones included, without secrets.");

        keys.MapDelete("/{keyId}", RevokeAsync)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key")
            .WithDescription("The key is refused from now on. The head of the enterprise may revoke any key, another user only a key "
                + "they created (403 otherwise). A key of another enterprise answers 404 like a missing one.")
            .ProducesRestProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<Created<ApiKeyView>> CreateAsync(CreateApiKeyBody body, BearerSession bearer, ApiKeyStore keys, CancellationToken ct)
    {
        RequiredFields.Check(("name", body.Name));
        var scope = body.Scope ?? ApiKeyScopes.Full;
        if (!ApiKeyScopes.IsKnown(scope))
        {
            throw EsfException.InvalidInput($"scope must be «{ApiKeyScopes.Full}» or «{ApiKeyScopes.Read}».");
        }

        RequireSession(bearer);
        var (key, secret) = await keys.CreateAsync(bearer.Context, body.Name, scope, body.ExpiresAt, ct);
        return TypedResults.Created($"{RestEndpointExtensions.RoutePrefix}/api-keys/{key.KeyId}", ApiKeyView.From(key, secret));
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyView>>> ListAsync(BearerSession bearer, ApiKeyStore keys, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ApiKeyView>>([.. (await keys.ListAsync(bearer.Context.Tin, ct)).Select(k => ApiKeyView.From(k))]);

    private static async Task<NoContent> RevokeAsync(string keyId, BearerSession bearer, ApiKeyStore keys, CancellationToken ct)
    {
        RequireSession(bearer);
        return await keys.RevokeAsync(bearer.Context, keyId, ct)
            ? TypedResults.NoContent()
            : throw EsfException.NotFound($"No API key {keyId}.");
    }

    /// <summary>Keys are managed by people in a session: a leaked key cannot mint or revoke others.</summary>
    private static void RequireSession(BearerSession bearer)
    {
        if (bearer.SessionId.StartsWith("apikey:", StringComparison.Ordinal))
        {
            throw EsfException.AccessDenied("API keys are managed from a session, not with an API key.");
        }
    }
}
