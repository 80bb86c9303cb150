using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Esf.Infrastructure.Participants;
using Esf.Infrastructure.Signatures;
using Esf.Infrastructure.Sessions;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Participants;

/// <summary>signatureType OPERATOR: a person signs for the seller under a power of attorney (rule POA-01).</summary>
[TestFixture]
public sealed class Signing_as_an_operator
{
    [TestCase(true, "OPERATOR", "CREATED", null, TestName = "Should_register_an_invoice_signed_by_a_holder_of_a_valid_power_of_attorney")]
    [TestCase(false, "OPERATOR", "FAILED", "POA-01", TestName = "Should_fail_an_operator_signature_without_a_power_of_attorney")]
    [TestCase(true, "COMPANY", "FAILED", "B-02", TestName = "Should_fail_an_attorneys_key_used_as_the_company_signature")]
    public async Task Should_judge_the_operator_by_their_power_of_attorney(bool granted, string signatureType, string status, string? ruleId)
    {
        // Arrange
        using var seller = await TestTenant.CreateAsync(ParticipantsGateway.Fixture);
        var attorneyIin = TestTenant.UniqueTin();
        using var attorney = CertificateFactory.Create("ПОВЕРЕННЫЙ", attorneyIin, null);
        var sessionId = await seller.OpenSessionAsync(ParticipantsGateway.Fixture);
        if (granted)
        {
            var session = await ParticipantsGateway.Fixture.Get<SessionService>().RequireAsync(sessionId, CancellationToken.None);
            var today = ControlledClock.KazakhstanToday;
            await ParticipantsGateway.Fixture.Get<PowersOfAttorney>().GrantAsync(session, attorneyIin, today, today.AddDays(1), CancellationToken.None);
        }

        using var http = ParticipantsGateway.Fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sessionId);
        var body = TestInvoices.Build(seller);
        using var key = attorney.GetRSAPrivateKey()!;

        // Act
        using var upload = await http.PostAsJsonAsync("api/v1/invoices", new
        {
            certificate = CertificateFactory.ToBase64(attorney),
            invoices = new[] { new { body, version = "InvoiceV2", signature = InvoiceSignatureVerifier.Sign(body, key), signatureType } },
        });
        var id = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("accepted")[0].GetProperty("id").GetInt64();
        var view = await Poller.UntilAsync(
            async () => JsonDocument.Parse(await http.GetStringAsync($"api/v1/invoices/{id}/status")).RootElement.Clone(),
            v => v.GetProperty("status").GetString() is "CREATED" or "FAILED", "the invoice to be processed");

        // Assert
        Assert.That(view.GetProperty("status").GetString(), Is.EqualTo(status), view.ToString());
        var rules = view.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()).ToList();
        Assert.That(rules, ruleId is null ? Is.Empty : Does.Contain(ruleId));
    }
}
