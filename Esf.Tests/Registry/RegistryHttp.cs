using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Registry;

/// <summary>A fresh tenant logged in over REST against <see cref="RegistryGateway"/>.</summary>
internal sealed class RegistryHttp : IDisposable
{
    private RegistryHttp(HttpClient http, TestTenant tenant) => (Http, Tenant) = (http, tenant);

    public HttpClient Http { get; }

    public TestTenant Tenant { get; }

    public static async Task<RegistryHttp> LogInAsync()
    {
        var tenant = await TestTenant.CreateAsync(RegistryGateway.Fixture);
        var http = RegistryGateway.Fixture.CreateClient();
        using var response = await http.PostAsJsonAsync("api/v1/sessions",
            new { tin = tenant.SellerTin, certificate = tenant.CertificateBase64, login = tenant.UserIin, password = tenant.Password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var session = (await ReadAsync(response)).GetProperty("sessionId").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session);
        return new RegistryHttp(http, tenant);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(path, body);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public void Dispose()
    {
        Http.Dispose();
        Tenant.Dispose();
    }
}
