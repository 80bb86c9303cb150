using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Infrastructure.Invoices;
using Esf.Tests.Infrastructure;
using Esf.Tests.Soap;
using NUnit.Framework;

namespace Esf.Tests.Lifecycle;

/// <summary>The document-flow operations on the wire: SOAP envelopes as ESF clients send them, and the REST routes.</summary>
[TestFixture]
public sealed class Driving_the_lifecycle_over_soap_and_rest
{
    private static GatewayFixture Fixture => LifecycleGateway.Fixture;

    [Test]
    public async Task Should_confirm_then_revoke_over_soap_and_answer_a_refusal_with_isChanged_false()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        using var soap = new RawSoapClient(Fixture.CreateClient());
        var id = await parties.RegisterAsync();
        var items = new[] { new StatusChangeItem(id, "ошибка в цене") };

        // Act
        var confirmed = await soap.PostAsync("InvoiceService", Envelopes.ById("confirmInvoiceByIdRequest", parties.Customer.SessionId, id));
        var byCustomer = await soap.PostAsync("InvoiceService",
            WithReason("revokeInvoiceByIdRequest", parties.Customer.SessionId, items, DocumentFlowParties.Sign(items, parties.CustomerCertificate)));
        var bySeller = await soap.PostAsync("InvoiceService",
            WithReason("revokeInvoiceByIdRequest", parties.SellerSession.SessionId, items, DocumentFlowParties.Sign(items, parties.Seller.Tenant.Certificate)));
        var queried = await soap.PostAsync("InvoiceService", Envelopes.ById("queryInvoiceByIdRequest", parties.Customer.SessionId, id));

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That((confirmed.Status, confirmed.Element("invoiceStatus")), Is.EqualTo((HttpStatusCode.OK, "DELIVERED")), confirmed.ToString());
            Assert.That((byCustomer.Element("isChanged"), byCustomer.Element("errorCode"), byCustomer.Element("invoiceStatus")),
                Is.EqualTo(("false", "ACCESS_DENIED", "DELIVERED")), byCustomer.ToString());
            Assert.That((bySeller.Element("isChanged"), bySeller.Element("errorCode"), bySeller.Element("invoiceStatus")),
                Is.EqualTo(("true", (string?)null, "REVOKED")), bySeller.ToString());
            Assert.That((queried.Element("invoiceStatus"), queried.Element("type")), Is.EqualTo(("REVOKED", "UNREVOKE")), "the UNREVOKE deadline");
            Assert.That(bySeller.Body, Does.Contain("<esf:revokeInvoiceByIdResponse xmlns:esf=\"esf\"><resultList><changeStatusResult><invoiceSummary>"));
        }
    }

    [Test]
    public async Task Should_answer_rest_refusals_with_problems_and_a_change_with_the_summary()
    {
        // Arrange
        using var parties = await DocumentFlowParties.StartAsync(Fixture);
        var id = await parties.RegisterAsync();
        using var seller = Client(parties.SellerSession.SessionId);
        using var customer = Client(parties.Customer.SessionId);
        var deleteSignature = DocumentFlowParties.Sign([new StatusChangeItem(id, null)], parties.Seller.Tenant.Certificate);

        // Act
        using var sellerConfirms = await seller.PostAsync($"api/v1/invoices/{id}/confirm", null);
        using var customerConfirms = await customer.PostAsync($"api/v1/invoices/{id}/confirm", null);
        using var confirmAgain = await customer.PostAsync($"api/v1/invoices/{id}/confirm", null);
        using var deleteCreated = await seller.PostAsJsonAsync($"api/v1/invoices/{id}/delete",
            new { signature = deleteSignature.Signature, certificate = deleteSignature.Certificate });
        using var unknown = await customer.PostAsync("api/v1/invoices/99999999999999999/confirm", null);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await StatusAndCodeAsync(sellerConfirms), Is.EqualTo((403, "ACCESS_DENIED")));
            Assert.That(await StatusAndCodeAsync(customerConfirms), Is.EqualTo((200, "DELIVERED")));
            Assert.That(await StatusAndCodeAsync(confirmAgain), Is.EqualTo((409, "WRONG_STATUS")));
            Assert.That(await StatusAndCodeAsync(deleteCreated), Is.EqualTo((409, "WRONG_STATUS")));
            Assert.That(await StatusAndCodeAsync(unknown), Is.EqualTo((404, "NOT_FOUND")));
        }
    }

    private HttpClient Client(string sessionId)
    {
        var http = Fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sessionId);
        return http;
    }

    /// <summary>The HTTP status with the summary's status on success or the problem's errorCode on refusal.</summary>
    private static async Task<(int, string?)> StatusAndCodeAsync(HttpResponseMessage response)
    {
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return ((int)response.StatusCode, json.GetProperty(response.IsSuccessStatusCode ? "status" : "errorCode").GetString());
    }

    private static string WithReason(string element, string sessionId, IReadOnlyList<StatusChangeItem> items, SignedStatusChange signed) =>
        Envelopes.Envelope(
            $"<esf:{element}><sessionId>{sessionId}</sessionId><signature>{signed.Signature}</signature><x509Certificate>{signed.Certificate}</x509Certificate>"
            + $"<idWithReasonList>{string.Concat(items.Select(i => $"<invoiceIdWithReason><id>{i.Id}</id><reason>{Envelopes.Escape(i.Reason!)}</reason></invoiceIdWithReason>"))}</idWithReasonList></esf:{element}>");
}
