using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Tickets;

/// <summary>On a gateway that trusts only its CA, an invoice signature counts only with a trusted, unrevoked signing certificate.</summary>
[TestFixture]
public sealed class Signing_invoices_with_untrusted_certificates
{
    [TestCase("trusted", "CREATED", TestName = "Should_register_an_invoice_signed_with_the_sellers_trusted_signing_key")]
    [TestCase("self-signed", "FAILED", TestName = "Should_fail_an_invoice_signed_with_a_self_signed_key_naming_the_seller")]
    [TestCase("auth", "FAILED", TestName = "Should_fail_an_invoice_signed_with_an_authentication_key")]
    public async Task Should_count_only_trusted_signing_certificates(string key, string status)
    {
        // Arrange
        using var user = await CertifiedUser.CreateAsync();
        using var client = new TicketClient();
        var login = await client.LogInAsync(user);
        using var selfSigned = CertificateFactory.Create("ТЕСТОВ", user.Iin, user.Tin);
        var signer = key switch { "trusted" => user.Sign, "auth" => user.Auth, _ => selfSigned };
        var body = TestInvoices.Build(TestTenant.UniqueNum(), TestInvoices.Today, user.Tin, user.Tin);
        using var http = TrustedGateway.Fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Element("sessionId"));

        // Act
        var invoice = await UploadAndWaitAsync(http, body, signer);

        // Assert
        Assert.That(invoice.GetProperty("status").GetString(), Is.EqualTo(status), invoice.ToString());
        Assert.That(invoice.GetProperty("signatureValid").GetBoolean(), Is.EqualTo(status == "CREATED"));
        if (status == "FAILED")
        {
            Assert.That(invoice.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()), Does.Contain("GEN-01"));
            AttackLog.Record("Document signatures", key == "auth"
                    ? "Sign an invoice with the seller's AUTH (login) key instead of the signing key"
                    : "Sign an invoice with a self-signed key that names the seller's ИИН and БИН",
                "FAILED with GEN-01 SIGNATURE_VERIFICATION_FAILED, signatureValid=false");
        }
    }

    private static async Task<JsonElement> UploadAndWaitAsync(HttpClient http, string body, X509Certificate2 signer)
    {
        using var key = signer.GetRSAPrivateKey()!;
        using var upload = await http.PostAsJsonAsync("api/v1/invoices", new
        {
            certificate = CertificateFactory.ToBase64(signer),
            invoices = new[] { new { body, version = "InvoiceV2", signature = InvoiceSignatureVerifier.Sign(body, key), signatureType = "COMPANY" } },
        });
        var answer = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement;
        Assert.That(answer.GetProperty("accepted").GetArrayLength(), Is.EqualTo(1), answer.ToString());
        var id = answer.GetProperty("accepted")[0].GetProperty("id").GetInt64();
        return await Poller.UntilAsync(
            async () => JsonDocument.Parse(await http.GetStringAsync($"api/v1/invoices/{id}")).RootElement.Clone(),
            view => view.GetProperty("status").GetString() is "CREATED" or "FAILED", "the invoice to be processed");
    }
}
