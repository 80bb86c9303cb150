using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Registry;

/// <summary>A fresh tenant logged in over REST against <see cref="RegistryGateway"/> (or the gateway given).</summary>
internal sealed class RegistryHttp : IDisposable
{
    private RegistryHttp(HttpClient http, TestTenant tenant) => (Http, Tenant) = (http, tenant);

    public HttpClient Http { get; }

    public TestTenant Tenant { get; }

    public static Task<RegistryHttp> LogInAsync() => LogInAsync(RegistryGateway.Fixture);

    public static async Task<RegistryHttp> LogInAsync(GatewayFixture gateway)
    {
        var tenant = await TestTenant.CreateAsync(gateway);
        var http = gateway.CreateClient();
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

    /// <summary>Uploads one invoice over REST, signed with <paramref name="signer"/> (default: the tenant's key), and waits for its verdict.</summary>
    /// <returns>The invoice's status view: <c>status</c>, <c>registrationNumber</c>, <c>errors</c>.</returns>
    public async Task<JsonElement> RegisterAsync(string body, X509Certificate2? signer = null, string signatureType = "COMPANY")
    {
        signer ??= Tenant.Certificate;
        using var key = signer.GetRSAPrivateKey()!;
        var (status, answer) = await PostAsync("api/v1/invoices", new
        {
            certificate = CertificateFactory.ToBase64(signer),
            invoices = new[] { new { body, version = "InvoiceV2", signature = InvoiceSignatureVerifier.Sign(body, key), signatureType } },
        });
        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted), answer.ToString());
        return await VerdictAsync(answer.GetProperty("accepted")[0].GetProperty("id").GetInt64());
    }

    /// <summary>Any request with an optional JSON body; the answer's status and body (null body: none).</summary>
    public async Task<(HttpStatusCode Status, JsonElement? Body)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Polls an invoice's status view until the worker decided it (CREATED or FAILED).</summary>
    public Task<JsonElement> VerdictAsync(long id) => Poller.UntilAsync(
        async () => JsonDocument.Parse(await Http.GetStringAsync($"api/v1/invoices/{id}/status")).RootElement.Clone(),
        view => view.GetProperty("status").GetString() is "CREATED" or "FAILED", $"invoice {id} to be registered or failed");

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public void Dispose()
    {
        Http.Dispose();
        Tenant.Dispose();
    }
}
