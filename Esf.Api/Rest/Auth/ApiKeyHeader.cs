namespace Esf.Api.Rest.Auth;

/// <summary>The header that carries an API key in place of <c>Authorization: Bearer &lt;sessionId&gt;</c>.</summary>
public static class ApiKeyHeader
{
    public const string Name = "X-Api-Key";
}
