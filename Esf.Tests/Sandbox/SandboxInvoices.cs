using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using Esf.Tests.Soap;
using NUnit.Framework;

namespace Esf.Tests.Sandbox;

/// <summary>Uploads and status changes over REST with the keys of a sandbox world, as an integrator's client does.</summary>
public static class SandboxInvoices
{
    /// <summary>Uploads one invoice of the seller to the customer signed with the seller's SIGN key and waits until it is processed.</summary>
    public static async Task<JsonElement> UploadAndWaitAsync(HttpClient seller, SandboxWorld world, string? num = null) =>
        await WaitUntilProcessedAsync(seller, await UploadAsync(seller, world, num));

    /// <summary>Uploads one invoice of the seller to the customer signed with the seller's SIGN key: answers its id.</summary>
    public static Task<long> UploadAsync(HttpClient seller, SandboxWorld world, string? num = null) =>
        UploadAsync(seller, world.Seller.Signing, Body(world, num));

    /// <summary>Uploads <paramref name="body"/> signed with <paramref name="key"/> (the seller's SIGN key, or another to test it): answers its id.</summary>
    public static async Task<long> UploadAsync(HttpClient seller, SandboxKey key, string body)
    {
        using var response = await seller.PostAsJsonAsync("api/v1/invoices", new
        {
            certificate = key.CertificateBase64,
            invoices = new[] { new { body, version = "InvoiceV2", signature = key.Sign(body), signatureType = "COMPANY" } },
        });
        var json = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), json.ToString());
        return json.GetProperty("accepted")[0].GetProperty("id").GetInt64();
    }

    /// <summary>An ordinary invoice of the world's seller to its customer, dated today.</summary>
    public static string Body(SandboxWorld world, string? num = null) =>
        TestInvoices.Build(num ?? TestTenant.UniqueNum(), TestInvoices.Today, world.Seller.Tin, world.Customer.Tin);

    /// <summary>Polls the invoice's status until it is CREATED or FAILED.</summary>
    public static Task<JsonElement> WaitUntilProcessedAsync(HttpClient seller, long id) => WaitUntilAsync(seller, id, "CREATED", "FAILED");

    /// <summary>Polls the invoice's status until it is one of <paramref name="statuses"/>.</summary>
    public static Task<JsonElement> WaitUntilAsync(HttpClient seller, long id, params string[] statuses) => WaitUntilAsync(seller, id, null, statuses);

    /// <summary>Polls the invoice's status until it is one of <paramref name="statuses"/>, at most <paramref name="timeout"/> (the poller's default when null).</summary>
    public static Task<JsonElement> WaitUntilAsync(HttpClient seller, long id, TimeSpan? timeout, params string[] statuses) => Poller.UntilAsync(
        async () =>
        {
            using var status = await seller.GetAsync($"api/v1/invoices/{id}/status");
            return await RestClient.ReadJsonAsync(status);
        },
        status => status.TryGetProperty("status", out var s) && statuses.Contains(s.GetString()),
        $"invoice {id} to be {string.Join(" or ", statuses)}", timeout);

    /// <summary>syncInvoice over SOAP: one invoice of the seller to the customer signed with the seller's SIGN key; answers the reply.</summary>
    public static Task<SoapReply> UploadOverSoapAsync(RawSoapClient soap, string sessionId, SandboxWorld world, string num)
    {
        var body = Body(world, num);
        return soap.PostAsync("UploadInvoiceService", Envelopes.SyncInvoice(sessionId, world.Seller.Signing.CertificateBase64,
            Envelopes.EscapedUploadInfo(body, world.Seller.Sign(body))));
    }

    /// <summary>Polls queryInvoiceById until the invoice is one of <paramref name="statuses"/>: answers the reply.</summary>
    public static Task<SoapReply> WaitOverSoapAsync(RawSoapClient soap, string sessionId, long id, params string[] statuses) => Poller.UntilAsync(
        () => soap.PostAsync("InvoiceService", Envelopes.ById("queryInvoiceByIdRequest", sessionId, id)),
        reply => statuses.Contains(reply.Element("invoiceStatus")),
        $"invoice {id} to be {string.Join(" or ", statuses)}");

    /// <summary>POST /invoices/{id}/decline signed with the party's SIGN key.</summary>
    public static Task<HttpResponseMessage> DeclineAsync(HttpClient http, SandboxParty party, long id)
    {
        var items = new[] { new StatusChangeItem(id, "не согласны") };
        return http.PostAsJsonAsync($"api/v1/invoices/{id}/decline", new
        {
            reason = "не согласны", signature = party.Sign(StatusChangeSignature.CanonicalText(items)), certificate = party.Signing.CertificateBase64,
        });
    }
}
