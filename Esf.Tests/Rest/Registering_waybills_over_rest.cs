using System.Net;
using Esf.Domain.Waybills;
using Esf.Domain.Waybills.Document;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Rest;

/// <summary>
/// A waybill (СНТ) end to end over /api/v1/snt on the real pipeline (ADR 0024): upload → outbox → worker → verdict → history,
/// then the buyer's and the seller's signed operations.
/// </summary>
[TestFixture]
public sealed class Registering_waybills_over_rest
{
    [Test]
    public async Task Should_register_a_primary_waybill_with_a_42_digit_number_and_let_the_buyer_confirm_it()
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync();
        var id = (await parties.UploadAcceptedAsync(parties.Body())).Single();
        var registered = await parties.ProcessedAsync(id);

        // Act
        using var confirmed = await WaybillRestDriver.ChangeAsync(parties.Buyer, id, "confirm", null);

        // Assert
        Assert.That(registered.GetProperty("status").GetString(), Is.EqualTo("NOT_VIEWED"), registered.ToString());
        var number = registered.GetProperty("registrationNumber").GetString();
        Assert.That(WaybillRegistrationNumber.IsWellFormed(number) && number!.StartsWith(parties.Seller.Tenant.SellerTin, StringComparison.Ordinal),
            Is.True, number);
        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await confirmed.Content.ReadAsStringAsync());
        Assert.That(await WaybillRestDriver.HistoryAsync(parties.Buyer, id), Is.EqualTo(new[] { "→IN_QUEUE", "IN_QUEUE→NOT_VIEWED", "NOT_VIEWED→CONFIRMED" }));
    }

    [Test]
    public async Task Should_fail_a_waybill_whose_buyer_and_consignee_are_not_taxpayers_with_their_rule_ids()
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync();
        var stranger = TestTenant.UniqueTin();
        var id = (await parties.UploadAcceptedAsync(parties.Body(b => (b.Customer.Tin, b.Consignee.Tin) = (stranger, stranger)))).Single();

        // Act
        var failed = await parties.ProcessedAsync(id);

        // Assert
        Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("FAILED"), failed.ToString());
        Assert.That(failed.GetProperty("registrationNumber").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(failed.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("ruleId").GetString()),
            Is.EqualTo(new[] { "SNT-W04", "SNT-W06" }));
    }

    [Test]
    public async Task Should_decline_with_a_reason_by_the_buyer_and_refuse_the_seller_revoking_it_afterwards()
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync();
        var id = (await parties.UploadAcceptedAsync(parties.Body())).Single();
        await parties.ProcessedAsync(id);

        // Act
        using var withoutReason = await WaybillRestDriver.ChangeAsync(parties.Buyer, id, "decline", "");
        using var declined = await WaybillRestDriver.ChangeAsync(parties.Buyer, id, "decline", "пересорт");
        using var revoked = await WaybillRestDriver.ChangeAsync(parties.Seller, id, "revoke", "ошибка");

        // Assert
        Assert.That((await ProblemAssertions.AssertProblemAsync(withoutReason, HttpStatusCode.UnprocessableEntity)).GetProperty("errorCode").GetString(), Is.EqualTo(WaybillFlow.DeclineReasonMissing));
        Assert.That(declined.StatusCode, Is.EqualTo(HttpStatusCode.OK), await declined.Content.ReadAsStringAsync());
        Assert.That((await ProblemAssertions.AssertProblemAsync(revoked, HttpStatusCode.Conflict)).GetProperty("errorCode").GetString(), Is.EqualTo(WaybillFlow.WrongStatus));
        Assert.That(await WaybillRestDriver.HistoryAsync(parties.Seller, id), Is.EqualTo(new[] { "→IN_QUEUE", "IN_QUEUE→NOT_VIEWED", "NOT_VIEWED→DECLINED" }));
    }

    [Test]
    public async Task Should_let_only_the_seller_revoke_a_confirmed_waybill()
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync();
        var id = (await parties.UploadAcceptedAsync(parties.Body())).Single();
        await parties.ProcessedAsync(id);
        (await WaybillRestDriver.ChangeAsync(parties.Buyer, id, "confirm", null)).Dispose();

        // Act
        using var byBuyer = await WaybillRestDriver.ChangeAsync(parties.Buyer, id, "revoke", "ошибка");
        using var bySeller = await WaybillRestDriver.ChangeAsync(parties.Seller, id, "revoke", "ошибка в количестве");

        // Assert
        Assert.That((await ProblemAssertions.AssertProblemAsync(byBuyer, HttpStatusCode.Forbidden)).GetProperty("errorCode").GetString(), Is.EqualTo(WaybillFlow.AccessDenied));
        Assert.That(bySeller.StatusCode, Is.EqualTo(HttpStatusCode.OK), await bySeller.Content.ReadAsStringAsync());
        Assert.That(await WaybillRestDriver.HistoryAsync(parties.Seller, id),
            Is.EqualTo(new[] { "→IN_QUEUE", "IN_QUEUE→NOT_VIEWED", "NOT_VIEWED→CONFIRMED", "CONFIRMED→REVOKED" }));
    }

    [Test]
    public async Task Should_register_a_corrected_waybill_linked_to_its_declined_primary_and_annul_the_primary()
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync();
        var primaryBody = parties.Body();
        var primaryId = (await parties.UploadAcceptedAsync(primaryBody)).Single();
        var number = (await parties.ProcessedAsync(primaryId)).GetProperty("registrationNumber").GetString();
        (await WaybillRestDriver.ChangeAsync(parties.Buyer, primaryId, "decline", "пересорт")).Dispose();

        // Act
        var correctedId = (await parties.UploadAcceptedAsync(parties.Body(b =>
        {
            b.Type = WaybillTypeNames.Corrected;
            b.RelatedWaybill = new RelatedWaybill { RegistrationNumber = number, Date = TestInvoices.Today };
        }))).Single();
        var corrected = await parties.ProcessedAsync(correctedId);

        // Assert
        Assert.That(corrected.GetProperty("status").GetString(), Is.EqualTo("NOT_VIEWED"), corrected.ToString());
        using var read = await parties.Seller.Http.GetAsync($"api/v1/snt/{correctedId}");
        var view = await RestClient.ReadJsonAsync(read);
        Assert.That(view.GetProperty("relatedWaybillId").GetInt64(), Is.EqualTo(primaryId));
        Assert.That(view.GetProperty("relatedRegistrationNumber").GetString(), Is.EqualTo(number));
        Assert.That(await WaybillRestDriver.HistoryAsync(parties.Seller, primaryId),
            Is.EqualTo(new[] { "→IN_QUEUE", "IN_QUEUE→NOT_VIEWED", "NOT_VIEWED→DECLINED", "DECLINED→CANCELED" }));
    }

    [Test]
    public async Task Should_decline_a_waybill_of_another_seller_at_upload_and_store_nothing()
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync();
        var body = parties.Body(b => b.Seller.Tin = parties.Buyer.Tenant.SellerTin);

        // Act
        using var response = await parties.Seller.Http.PostAsync("api/v1/snt",
            System.Net.Http.Json.JsonContent.Create(TestWaybills.UploadBody(parties.Seller.Tenant, body)));

        // Assert
        var json = await RestClient.ReadJsonAsync(response);
        Assert.That(json.GetProperty("accepted").GetArrayLength(), Is.Zero, json.ToString());
        Assert.That(json.GetProperty("declined")[0].GetProperty("errors")[0].GetProperty("ruleId").GetString(), Is.EqualTo("UPL-01"));
    }
}
