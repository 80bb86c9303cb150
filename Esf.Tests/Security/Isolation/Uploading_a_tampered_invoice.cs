using System.Net.Http.Json;
using System.Text.Json;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Isolation;

[TestFixture]
public sealed class Uploading_a_tampered_invoice
{
    [Test]
    public async Task Should_fail_an_invoice_changed_after_it_was_signed()
    {
        // Arrange: the seller signs one body; a product's name is changed on the way (the arithmetic still adds up).
        using var seller = await Caller.LogInAsync();
        var signedBody = TestInvoices.Build(seller.Tenant);
        var tampered = signedBody.Replace("Доставка по городу", "Доставка по области", StringComparison.Ordinal);
        Assert.That(tampered, Is.Not.EqualTo(signedBody));

        // Act
        using var upload = await seller.Http.PostAsJsonAsync("api/v1/invoices", new
        {
            certificate = seller.Tenant.CertificateBase64,
            invoices = new[] { new { body = tampered, version = "InvoiceV2", signature = seller.Tenant.Sign(signedBody), signatureType = "COMPANY" } },
        });
        var id = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("accepted")[0].GetProperty("id").GetInt64();
        var invoice = await Poller.UntilAsync(
            async () => JsonDocument.Parse(await seller.Http.GetStringAsync($"api/v1/invoices/{id}")).RootElement.Clone(),
            view => view.GetProperty("status").GetString() is "CREATED" or "FAILED", "the invoice to be processed");

        // Assert
        Assert.That(invoice.GetProperty("status").GetString(), Is.EqualTo("FAILED"));
        Assert.That(invoice.GetProperty("signatureValid").GetBoolean(), Is.False);
        Assert.That(invoice.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("errorCode").GetString()),
            Does.Contain("SIGNATURE_VERIFICATION_FAILED"));
        AttackLog.Record("Document signatures", "Upload an invoice whose body was changed after signing (RSA-SHA256)",
            "FAILED with GEN-01 SIGNATURE_VERIFICATION_FAILED, signatureValid=false, never CREATED");
    }
}
