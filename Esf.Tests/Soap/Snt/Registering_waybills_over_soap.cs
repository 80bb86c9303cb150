using System.Net;
using Esf.Domain.Waybills;
using NUnit.Framework;

namespace Esf.Tests.Soap.Snt;

/// <summary>
/// SntService (ours, ADR 0032) on the real pipeline: upload → worker → 42-digit number, the queries, the buyer's receipt and
/// the parties' signed operations, each answered by the same services as /api/v1/snt with the same codes.
/// </summary>
[TestFixture]
public sealed class Registering_waybills_over_soap
{
    [Test]
    public async Task Should_register_an_uploaded_waybill_and_let_the_buyer_receive_then_confirm_it()
    {
        // Arrange
        using var driver = await SntSoapDriver.StartAsync(SoapGateway.Fixture);
        var body = driver.Body();
        var id = (await driver.UploadAcceptedAsync(body)).Single();
        var registered = await driver.ProcessedAsync(id);

        // Act
        var received = await driver.ChangeAsync("receiveSntById", driver.Buyer, id);
        var confirmed = await driver.ChangeAsync("confirmSntById", driver.Buyer, id);
        var read = await driver.ByIdAsync("querySntById", driver.Buyer, id);

        // Assert
        Assert.That(registered.Element("status"), Is.EqualTo("NOT_VIEWED"), registered.ToString());
        Assert.That(WaybillRegistrationNumber.IsWellFormed(registered.Element("registrationNumber")), Is.True, registered.ToString());
        Assert.That((received.Element("isChanged"), received.Element("status")), Is.EqualTo(("true", "DELIVERED")), received.ToString());
        Assert.That((confirmed.Element("isChanged"), confirmed.Element("status")), Is.EqualTo(("true", "CONFIRMED")), confirmed.ToString());
        Assert.That((read.Element("status"), read.Element("sntBody"), read.Element("sntType")), Is.EqualTo(("CONFIRMED", body, "PRIMARY_SNT")), read.ToString());
        Assert.That(await driver.HistoryAsync(driver.Seller, id),
            Is.EqualTo(new[] { "→IN_QUEUE", "IN_QUEUE→NOT_VIEWED", "NOT_VIEWED→DELIVERED", "DELIVERED→CONFIRMED" }));
    }

    [Test]
    public async Task Should_answer_each_refusal_of_an_operation_with_its_code_and_change_nothing()
    {
        // Arrange
        using var driver = await SntSoapDriver.StartAsync(SoapGateway.Fixture);
        var id = (await driver.UploadAcceptedAsync(driver.Body())).Single();
        await driver.ProcessedAsync(id);

        // Act
        var withoutReason = await driver.ChangeAsync("declineSntById", driver.Buyer, id);
        var confirmWithReason = await driver.ChangeAsync("confirmSntById", driver.Buyer, id, "лишняя причина");
        var sellerReceives = await driver.ChangeAsync("receiveSntById", driver.Seller, id);
        var declined = await driver.ChangeAsync("declineSntById", driver.Buyer, id, "пересорт");
        var revokedAfter = await driver.ChangeAsync("revokeSntById", driver.Seller, id, "ошибка");

        // Assert
        Assert.That((withoutReason.Element("isChanged"), withoutReason.Element("errorCode")), Is.EqualTo(("false", WaybillFlow.DeclineReasonMissing)));
        Assert.That(withoutReason.Element("text"), Is.EqualTo("Укажите причину отклонения СНТ."));
        Assert.That(confirmWithReason.Element("errorCode"), Is.EqualTo(WaybillFlow.ConfirmReasonGiven), confirmWithReason.ToString());
        Assert.That(sellerReceives.Element("errorCode"), Is.EqualTo(WaybillFlow.AccessDenied), sellerReceives.ToString());
        Assert.That(declined.Element("status"), Is.EqualTo("DECLINED"), declined.ToString());
        Assert.That(revokedAfter.Element("errorCode"), Is.EqualTo(WaybillFlow.WrongStatus), revokedAfter.ToString());
        Assert.That(await driver.HistoryAsync(driver.Seller, id), Is.EqualTo(new[] { "→IN_QUEUE", "IN_QUEUE→NOT_VIEWED", "NOT_VIEWED→DECLINED" }));
    }

    [Test]
    public async Task Should_report_a_failed_waybill_with_the_rule_ids_of_the_control()
    {
        // Arrange
        using var driver = await SntSoapDriver.StartAsync(SoapGateway.Fixture);
        var stranger = Infrastructure.TestTenant.UniqueTin();
        var id = (await driver.UploadAcceptedAsync(driver.Body(b => (b.Customer.Tin, b.Consignee.Tin) = (stranger, stranger)))).Single();

        // Act
        var failed = await driver.ProcessedAsync(id);

        // Assert
        Assert.That(failed.Element("status"), Is.EqualTo("FAILED"), failed.ToString());
        Assert.That(failed.Elements("ruleId"), Is.EqualTo(new[] { "SNT-W04", "SNT-W06" }), failed.ToString());
    }

    [Test]
    public async Task Should_decline_an_upload_item_that_is_not_xml_with_its_rule_id_and_store_nothing()
    {
        // Arrange
        using var driver = await SntSoapDriver.StartAsync(SoapGateway.Fixture);

        // Act
        var reply = await driver.UploadAsync(driver.Seller, "not xml at all");

        // Assert
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
        Assert.That(reply.Elements("id"), Is.Empty, "nothing accepted");
        Assert.That(reply.Elements("ruleId"), Does.Contain("SNT-API-01"), reply.ToString());
    }

    [Test]
    public async Task Should_find_the_sellers_waybills_by_side_and_status_in_pages()
    {
        // Arrange
        using var driver = await SntSoapDriver.StartAsync(SoapGateway.Fixture);
        var ids = await driver.UploadAcceptedAsync(driver.Body(), driver.Body());
        foreach (var id in ids)
        {
            await driver.ProcessedAsync(id);
        }

        // Act
        var first = await Search(driver, driver.Seller, "<side>OUTBOUND</side><status>NOT_VIEWED</status><limit>1</limit>");
        var second = await Search(driver, driver.Seller, $"<side>OUTBOUND</side><status>NOT_VIEWED</status><afterId>{first.Element("next")}</afterId><limit>1</limit>");
        var inbound = await Search(driver, driver.Seller, "<side>INBOUND</side>");

        // Assert
        Assert.That(first.Elements("sntId").Concat(second.Elements("sntId")), Is.EqualTo(ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That(second.Element("next"), Is.Null, "the last page names no next");
        Assert.That(inbound.Elements("sntId"), Is.Empty, "the seller buys none");
    }

    [Test]
    public async Task Should_answer_a_fault_with_the_error_code_for_a_request_it_cannot_serve()
    {
        // Arrange
        using var driver = await SntSoapDriver.StartAsync(SoapGateway.Fixture);
        var id = (await driver.UploadAcceptedAsync(driver.Body())).Single();
        await driver.ProcessedAsync(id);

        // Act
        var badStatus = await Search(driver, driver.Seller, "<status>NOT_A_STATUS</status>");
        var badSignature = await driver.ChangeAsync("confirmSntById", driver.Buyer, id, signature: driver.Buyer.Tenant.Sign("something else"));
        var noSession = await driver.ByIdAsync("querySntById", driver.Seller with { SessionId = Guid.NewGuid().ToString() }, id);
        var empty = await driver.UploadAsync(driver.Seller);

        // Assert
        Assert.That((badStatus.Status, badStatus.Element("errorCode")), Is.EqualTo((HttpStatusCode.InternalServerError, "FIELD_INVALID")), badStatus.ToString());
        Assert.That(badSignature.Element("errorCode"), Is.EqualTo("SIGNATURE_VERIFICATION_FAILED"), badSignature.ToString());
        Assert.That(noSession.Elements("sessionClosedException"), Has.Count.EqualTo(1), noSession.ToString());
        Assert.That(empty.Elements("businessException"), Has.Count.EqualTo(1), empty.ToString());
        Assert.That(await driver.HistoryAsync(driver.Seller, id), Is.EqualTo(new[] { "→IN_QUEUE", "IN_QUEUE→NOT_VIEWED" }), "nothing changed");
    }

    internal static Task<SoapReply> Search(SntSoapDriver driver, SntParty party, string criteria) =>
        driver.Client.PostAsync(SntSoapDriver.Service, Envelopes.Envelope($"<esf:searchSntRequest><sessionId>{party.SessionId}</sessionId>{criteria}</esf:searchSntRequest>"));
}
