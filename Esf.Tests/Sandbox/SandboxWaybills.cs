using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Xml;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using NUnit.Framework;

namespace Esf.Tests.Sandbox;

/// <summary>Waybills (СНТ) of a sandbox world over REST, and the invoice issued on one, as an integrator's client makes them.</summary>
public static class SandboxWaybills
{
    /// <summary>Uploads a primary waybill of the seller to the customer signed with the seller's SIGN key: answers its id.</summary>
    public static async Task<long> UploadAsync(HttpClient seller, SandboxWorld world)
    {
        var body = TestWaybills.Build(world.Seller.Tin, world.Customer.Tin);
        using var uploaded = await seller.PostAsJsonAsync("api/v1/snt", new
        {
            certificate = world.Seller.Signing.CertificateBase64,
            waybills = new[] { new { body, version = "SntV1", signature = world.Seller.Sign(body), signatureType = "COMPANY" } },
        });
        var json = await RestClient.ReadJsonAsync(uploaded);
        Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), json.ToString());
        return json.GetProperty("accepted")[0].GetProperty("id").GetInt64();
    }

    /// <summary>Uploads a waybill and waits until it is registered (NOT_VIEWED): answers its id.</summary>
    public static async Task<long> RegisterAsync(HttpClient seller, SandboxWorld world)
    {
        var id = await UploadAsync(seller, world);
        await Poller.UntilAsync(() => seller.GetStringAsync($"api/v1/snt/{id}/status"),
            status => status.Contains("\"NOT_VIEWED\"", StringComparison.Ordinal), $"waybill {id} to be registered");
        return id;
    }

    /// <summary>The invoice of Table 28 pre-filled for the waybill, numbered, signed and uploaded by the seller: answers its processed status.</summary>
    public static async Task<JsonElement> IssueInvoiceAsync(HttpClient seller, SandboxWorld world, long waybillId)
    {
        using var response = await seller.PostAsync($"api/v1/snt/{waybillId}/invoice", null);
        var prefilled = await RestClient.ReadJsonAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), prefilled.ToString());
        var invoice = InvoiceXmlParser.Parse(prefilled.GetProperty("body").GetString()!);
        (invoice.Num, invoice.OperatorFullname) = (TestTenant.UniqueNum(), "Тестова Айгерим");
        var id = await SandboxInvoices.UploadAsync(seller, world.Seller.Signing, InvoiceXmlWriter.Write(invoice));
        return await SandboxInvoices.WaitUntilProcessedAsync(seller, id);
    }

    /// <summary>POST /snt/{id}/{verb} (confirm, decline, revoke) signed with the party's SIGN key.</summary>
    public static Task<HttpResponseMessage> ChangeAsync(HttpClient http, SandboxParty party, long id, string verb, string? reason)
    {
        var text = StatusChangeSignature.CanonicalText([new StatusChangeItem(id, reason)]);
        return http.PostAsJsonAsync($"api/v1/snt/{id}/{verb}", new { reason, signature = party.Sign(text), certificate = party.Signing.CertificateBase64 });
    }
}
