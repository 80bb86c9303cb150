using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Infrastructure.GovernmentSystems;
using Esf.Infrastructure.Sessions;
using Esf.Tests.Infrastructure;
using Esf.Tests.Lifecycle;
using NUnit.Framework;

namespace Esf.Tests.GovernmentSystems;

/// <summary>/api/v1/isgo/requests: create, read, confirm and decline, with problems for refusals and 404 for another enterprise.</summary>
[TestFixture]
public sealed class Sending_invoices_to_isgo_over_rest
{
    private static GatewayFixture Fixture => IsgoGateway.Fixture;

    [Test]
    public async Task Should_create_confirm_and_list_a_request_and_hide_it_from_another_enterprise()
    {
        using var parties = await IsgoParties.StartAsync(Fixture);
        using var stranger = await IsgoParties.StartAsync(Fixture);
        var invoice = await parties.RegisterAsync();
        var initiation = new IsgoInitiation([invoice], parties.StateBody, parties.Subsidy);
        var signed = DocumentFlowParties.Sign(initiation.SignedItems(), parties.CertificateOf(parties.Seller));
        using var seller = Client(parties.Seller);
        using var customer = Client(parties.Customer);
        using var other = Client(stranger.Seller);

        using var created = await seller.PostAsJsonAsync("api/v1/isgo/requests",
            new { invoiceIds = new[] { invoice }, stateBody = parties.StateBody, subsidy = parties.Subsidy, signed.Signature, signed.Certificate });
        var requestId = (await JsonAsync(created)).GetProperty("request").GetProperty("id").GetInt64();
        var confirmSigned = DocumentFlowParties.Sign([new(requestId, null)], parties.CertificateOf(parties.Customer));
        using var byStranger = await other.GetAsync($"api/v1/isgo/requests/{requestId}");
        using var unsigned = await customer.PostAsJsonAsync($"api/v1/isgo/requests/{requestId}/confirm", new { });
        using var confirmed = await customer.PostAsJsonAsync($"api/v1/isgo/requests/{requestId}/confirm",
            new { confirmSigned.Signature, confirmSigned.Certificate });
        using var journal = await customer.GetAsync("api/v1/isgo/requests");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
            Assert.That(byStranger.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unsigned.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            var request = (await JsonAsync(confirmed)).GetProperty("request");
            Assert.That((request.GetProperty("status").GetString(), request.GetProperty("statusName").GetString()),
                Is.EqualTo(("SENT_TO_SHEP", "Направлен в ШЭП")));
            Assert.That((await JsonAsync(journal)).EnumerateArray().Select(r => r.GetProperty("id").GetInt64()), Does.Contain(requestId));
        }
    }

    private static HttpClient Client(SessionContext session)
    {
        var http = Fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.SessionId);
        return http;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
