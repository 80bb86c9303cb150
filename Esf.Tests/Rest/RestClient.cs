using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Rest;

/// <summary>
/// An HTTP client of the REST API for one tenant, speaking raw JSON so that the tests check the wire format itself.
/// </summary>
public sealed class RestClient(HttpClient http, TestTenant tenant) : IDisposable
{
    public TestTenant Tenant { get; } = tenant;

    public HttpClient Http { get; } = http;

    /// <summary>A client logged in over REST as a fresh tenant of <paramref name="fixture"/> (default <see cref="RestGateway.Fixture"/>).</summary>
    public static async Task<RestClient> LogInAsync(GatewayFixture? fixture = null)
    {
        fixture ??= RestGateway.Fixture;
        var tenant = await TestTenant.CreateAsync(fixture);
        var client = new RestClient(fixture.CreateClient(), tenant);
        using var response = await client.Http.PostAsJsonAsync("api/v1/sessions", client.LoginBody());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var sessionId = (await ReadJsonAsync(response)).GetProperty("sessionId").GetString();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sessionId);
        return client;
    }

    public object LoginBody(string? password = null) =>
        new
        {
            tin = Tenant.SellerTin,
            certificate = Tenant.CertificateBase64,
            login = Tenant.UserIin,
            password = password ?? Tenant.Password,
        };

    /// <summary>An upload body with each invoice signed by the tenant, as a client builds it.</summary>
    public object UploadBody(params string[] bodies) => new
    {
        certificate = Tenant.CertificateBase64,
        invoices = bodies.Select(body => new { body, version = "InvoiceV2", signature = Tenant.Sign(body), signatureType = "COMPANY" }),
    };

    public Task<HttpResponseMessage> UploadAsync(object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/invoices") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Http.SendAsync(request);
    }

    /// <summary>Uploads invoices that must all be accepted and answers their ids in request order.</summary>
    public async Task<long[]> UploadAcceptedAsync(params string[] bodies)
    {
        using var response = await UploadAsync(UploadBody(bodies));
        var json = await ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), json.ToString());
        Assert.That(json.GetProperty("declined").GetArrayLength(), Is.Zero, json.ToString());
        return json.GetProperty("accepted").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToArray();
    }

    /// <summary>Polls GET /status until the invoice leaves the queue (CREATED or FAILED) and answers that status body.</summary>
    public Task<JsonElement> WaitUntilProcessedAsync(long invoiceId) => Poller.UntilAsync(
        async () =>
        {
            using var response = await Http.GetAsync($"api/v1/invoices/{invoiceId}/status");
            return await ReadJsonAsync(response);
        },
        status => status.TryGetProperty("status", out var s) && s.GetString() is "CREATED" or "FAILED",
        $"invoice {invoiceId} to be CREATED or FAILED");

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose()
    {
        Http.Dispose();
        Tenant.Dispose();
    }
}
