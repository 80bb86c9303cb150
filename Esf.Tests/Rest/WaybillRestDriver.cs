using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Domain.Waybills.Document;
using Esf.Infrastructure.Invoices;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Rest;

/// <summary>
/// Drives waybills (СНТ) over /api/v1/snt for two logged-in enterprises: <see cref="Seller"/> issues them to <see cref="Buyer"/>
/// (consignor and consignee are the same two), signing with its own key, as a client does.
/// </summary>
internal sealed class WaybillRestDriver : IDisposable
{
    private WaybillRestDriver(RestClient seller, RestClient buyer) => (Seller, Buyer) = (seller, buyer);

    public RestClient Seller { get; }

    public RestClient Buyer { get; }

    /// <param name="fixture">The gateway both log in to; <see cref="RestGateway"/> when null.</param>
    public static async Task<WaybillRestDriver> StartAsync(GatewayFixture? fixture = null) =>
        new(await RestClient.LogInAsync(fixture), await RestClient.LogInAsync(fixture));

    /// <summary>A waybill from <see cref="Seller"/> to <see cref="Buyer"/> (<see cref="TestWaybills"/>).</summary>
    public string Body(Action<WaybillBody>? change = null) =>
        TestWaybills.Build(Seller.Tenant.SellerTin, Buyer.Tenant.SellerTin, change: change);

    /// <summary>Uploads waybills that must all be accepted and answers their ids in request order.</summary>
    public async Task<long[]> UploadAcceptedAsync(params string[] bodies)
    {
        using var response = await Seller.Http.PostAsJsonAsync("api/v1/snt", TestWaybills.UploadBody(Seller.Tenant, bodies));
        var json = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), json.ToString());
        Assert.That(json.GetProperty("declined").GetArrayLength(), Is.Zero, json.ToString());
        return [.. json.GetProperty("accepted").EnumerateArray().Select(a => a.GetProperty("id").GetInt64())];
    }

    /// <summary>Polls the seller's GET /status until the worker decided (NOT_VIEWED or FAILED) and answers that status body.</summary>
    public Task<JsonElement> ProcessedAsync(long id) => Poller.UntilAsync(
        async () =>
        {
            using var response = await Seller.Http.GetAsync($"api/v1/snt/{id}/status");
            return await RestClient.ReadJsonAsync(response);
        },
        status => status.TryGetProperty("status", out var s) && s.GetString() is "NOT_VIEWED" or "FAILED",
        $"waybill {id} to be registered or FAILED");

    /// <summary>POST /snt/{id}/{verb} by <paramref name="client"/>, signing the one-line id list with its own key.</summary>
    public static Task<HttpResponseMessage> ChangeAsync(RestClient client, long id, string verb, string? reason)
    {
        var text = StatusChangeSignature.CanonicalText([new StatusChangeItem(id, reason)]);
        return client.Http.PostAsJsonAsync($"api/v1/snt/{id}/{verb}", new
        {
            reason,
            signature = client.Tenant.Sign(text),
            certificate = client.Tenant.CertificateBase64,
        });
    }

    public static async Task<string[]> HistoryAsync(RestClient client, long id)
    {
        using var response = await client.Http.GetAsync($"api/v1/snt/{id}/history");
        var json = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json.ToString());
        return [.. json.EnumerateArray().Select(h => $"{h.GetProperty("fromStatus").GetString()}→{h.GetProperty("status").GetString()}")];
    }

    public void Dispose()
    {
        Seller.Dispose();
        Buyer.Dispose();
    }
}
