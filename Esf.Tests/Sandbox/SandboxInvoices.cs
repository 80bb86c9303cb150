using System.Security.Cryptography.X509Certificates;
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
    public static async Task<long> UploadAsync(HttpClient seller, SandboxWorld world, string? num = null)
    {
        using var key = world.Seller.SignCertificate.GetRSAPrivateKey()!;
        return await UploadAsync(seller, world, world.Seller.SignCertificate, body => InvoiceSignatureVerifier.Sign(body, key), num);
    }

    /// <summary>Uploads one invoice of the seller to the customer signed by <paramref name="sign"/> for <paramref name="certificate"/> (a GOST key, say): answers its id.</summary>
    public static async Task<long> UploadAsync(HttpClient seller, SandboxWorld world, X509Certificate2 certificate, Func<string, string> sign, string? num = null)
    {
        var body = TestInvoices.Build(num ?? TestTenant.UniqueNum(), TestInvoices.Today, world.Seller.Tin, world.Customer.Tin);
        using var response = await seller.PostAsJsonAsync("api/v1/invoices", new
        {
            certificate = CertificateFactory.ToBase64(certificate),
            invoices = new[] { new { body, version = "InvoiceV2", signature = sign(body), signatureType = "COMPANY" } },
        });
        var json = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), json.ToString());
        return json.GetProperty("accepted")[0].GetProperty("id").GetInt64();
    }

    /// <summary>Polls the invoice's status until it is CREATED or FAILED.</summary>
    public static Task<JsonElement> WaitUntilProcessedAsync(HttpClient seller, long id) => WaitUntilAsync(seller, id, "CREATED", "FAILED");

    /// <summary>Polls the invoice's status until it is one of <paramref name="statuses"/>.</summary>
    public static Task<JsonElement> WaitUntilAsync(HttpClient seller, long id, params string[] statuses) => Poller.UntilAsync(
        async () =>
        {
            using var status = await seller.GetAsync($"api/v1/invoices/{id}/status");
            return await RestClient.ReadJsonAsync(status);
        },
        status => status.TryGetProperty("status", out var s) && statuses.Contains(s.GetString()),
        $"invoice {id} to be {string.Join(" or ", statuses)}");

    /// <summary>syncInvoice over SOAP: one invoice of the seller to the customer signed with the seller's SIGN key; answers the reply.</summary>
    public static Task<SoapReply> UploadOverSoapAsync(RawSoapClient soap, string sessionId, SandboxWorld world, string num)
    {
        var body = TestInvoices.Build(num, TestInvoices.Today, world.Seller.Tin, world.Customer.Tin);
        using var key = world.Seller.SignCertificate.GetRSAPrivateKey()!;
        return soap.PostAsync("UploadInvoiceService", Envelopes.SyncInvoice(sessionId, CertificateFactory.ToBase64(world.Seller.SignCertificate),
            Envelopes.EscapedUploadInfo(body, InvoiceSignatureVerifier.Sign(body, key))));
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
        using var key = party.SignCertificate.GetRSAPrivateKey()!;
        return http.PostAsJsonAsync($"api/v1/invoices/{id}/decline", new
        {
            reason = "не согласны", signature = InvoiceSignatureVerifier.Sign(StatusChangeSignature.CanonicalText(items), key),
            certificate = CertificateFactory.ToBase64(party.SignCertificate),
        });
    }
}
