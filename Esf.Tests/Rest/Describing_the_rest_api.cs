using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Esf.Api.Rest;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using NUnit.Framework;

namespace Esf.Tests.Rest;

[TestFixture]
public sealed class Describing_the_rest_api
{
    private const string UpdateVariable = "ESF_UPDATE_OPENAPI";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string ContractPath => Path.Combine(TestServices.RepositoryRoot, "contracts", "openapi.json");

    [Test]
    public async Task Should_serve_the_swagger_document_with_every_operation_and_the_bearer_scheme()
    {
        // Act
        using var http = RestGateway.Fixture.CreateClient();
        using var response = await http.GetAsync("swagger/v1/swagger.json");

        // Assert
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(document["info"]!["title"]!.GetValue<string>(), Is.EqualTo("Esf Gateway REST API"));
            Assert.That(paths, Is.SupersetOf(new[]
            {
                "/api/v1/sessions", "/api/v1/sessions/current", "/api/v1/invoices", "/api/v1/invoices/{id}",
                "/api/v1/invoices/{id}/status", "/api/v1/invoices/{id}/history",
                "/api/v1/invoices/{id}/confirm", "/api/v1/invoices/{id}/revoke", "/api/v1/invoices/{id}/unrevoke",
                "/api/v1/invoices/{id}/decline", "/api/v1/invoices/{id}/delete", "/api/v1/updates", "/api/v1/updates/stream",
                "/api/v1/exports", "/api/v1/webhooks", "/api/v1/webhooks/{id}", "/api/v1/webhooks/{id}/deliveries",
                "/api/v1/webhooks/{id}/replay", "/api/v1/reports", "/api/v1/invoices/{id}/print",
            }));
            Assert.That(document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>(), Is.EqualTo("bearer"));
            Assert.That(document["paths"]!["/api/v1/invoices"]!["post"]!["security"], Is.Not.Null);
            Assert.That(document["paths"]!["/api/v1/sessions"]!["post"]!["security"], Is.Null, "logging in needs no session");
        }
    }

    [Test]
    public async Task Should_match_the_committed_contract()
    {
        // Arrange
        using var http = RestGateway.Fixture.CreateClient();

        // Act
        var served = Normalise(await http.GetStringAsync("swagger/v1/swagger.json"));

        // Assert
        if (!File.Exists(ContractPath) || Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(ContractPath, served);
            Assert.Pass($"Wrote {ContractPath}; commit it.");
        }

        Assert.That(served, Is.EqualTo(Normalise(await File.ReadAllTextAsync(ContractPath))),
            $"The served OpenAPI document differs from {ContractPath}. If the API change is intended, "
            + $"rerun with {UpdateVariable}=1 to rewrite the file, review the diff and commit it.");
    }

    /// <summary>
    /// The routes the gateway serves under /api/v1 are exactly the operations of the committed contract: a route that is
    /// served but not described (or described but not served) fails here, whatever the generated document says.
    /// </summary>
    [Test]
    public async Task Should_serve_exactly_the_routes_of_the_committed_contract()
    {
        // Arrange
        var contract = JsonNode.Parse(await File.ReadAllTextAsync(ContractPath))!["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"));

        // Act
        var served = RestGateway.Fixture.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(RestEndpointExtensions.RoutePrefix, StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {Template(e.RoutePattern)}"));

        // Assert
        Assert.That(served, Is.EquivalentTo(contract));
    }

    /// <summary>The route as OpenAPI writes it: parameters without their constraints (<c>{id:long}</c> → <c>{id}</c>).</summary>
    private static string Template(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => throw new InvalidOperationException($"Unexpected route part {part}"),
        }))));

    private static string Normalise(string json) => JsonNode.Parse(json)!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
}
