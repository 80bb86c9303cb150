using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Api.Rest.Sandbox;
using Esf.Tests.Rest;
using NUnit.Framework;

namespace Esf.Tests.Sandbox;

/// <summary>A client of /api/v1/sandbox/ holding the sandbox key, as an integrator's test scripts call it.</summary>
public sealed class SandboxClient : IDisposable
{
    public SandboxClient(string? key = SandboxGateway.Key)
    {
        Http = SandboxGateway.Fixture.CreateClient();
        if (key is not null)
        {
            Http.DefaultRequestHeaders.Add(SandboxFence.KeyHeader, key);
        }
    }

    public HttpClient Http { get; }

    public Task<HttpResponseMessage> PostAsync(string path, object body) => Http.PostAsJsonAsync("api/v1/sandbox/" + path, body);

    /// <summary>Posts and expects 201 Created, answering the JSON body.</summary>
    public async Task<JsonElement> CreateAsync(string path, object body)
    {
        using var response = await PostAsync(path, body);
        var json = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), json.ToString());
        return json;
    }

    /// <summary>A ЮЛ with a generated БИН, a VAT payer: answers its tin.</summary>
    public async Task<string> CreateLegalEntityAsync() =>
        (await CreateAsync("taxpayers", new { kind = "LEGAL_ENTITY" })).GetProperty("tin").GetString()!;

    public void Dispose() => Http.Dispose();
}
