using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Infrastructure.Warehouse;
using Esf.Infrastructure.Webhooks;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using Esf.Tests.Warehouse;
using NUnit.Framework;
using static Esf.Tests.Rest.ProblemAssertions;

namespace Esf.Tests.Webhooks;

/// <summary>
/// Webhooks follow waybills (СНТ) and warehouse movements too (ADR 0031): a subscription names its <c>kinds</c> (INVOICE when it
/// names none, as before) and may filter on the statuses of those kinds; the payload and the delivery log name the document.
/// </summary>
[TestFixture]
public sealed class Pushing_waybill_and_movement_changes_to_a_webhook
{
    private const string Secret = "a-secret-of-the-receiver";

    private static GatewayFixture Fixture => WebhookGateway.Fixture;

    [Test]
    public async Task Should_deliver_a_waybills_status_changes_and_the_warehouses_movements_to_a_subscription_of_those_kinds()
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync(Fixture);
        using var receiver = WebhookReceiver.Start(failures: 0);
        using var created = await parties.Seller.Http.PostAsJsonAsync("api/v1/webhooks",
            new { url = receiver.Url, secret = Secret, kinds = new[] { "WAYBILL", "MOVEMENT" } });
        var subscription = await RestClient.ReadJsonAsync(created);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), subscription.ToString());
        var warehouse = await WarehouseRequests.CreateAsync(parties.Seller, "Склад");

        // Act
        var id = (await parties.UploadAcceptedAsync(parties.Body())).Single();
        await parties.ProcessedAsync(id);
        var goodsId = await WarehouseGoods.ReceiveAsync(parties.Seller.Tenant.SellerTin, warehouse.Id(), 3m, fixture: Fixture);
        var delivered = await Poller.UntilAsync(() => Task.FromResult(Pushing_status_changes_to_a_webhook.Accepted(receiver)),
            d => d.Count >= 3, "two waybill changes and a movement delivered");

        // Assert
        var log = await WarehouseRequests.GetJsonAsync(parties.Seller, $"api/v1/webhooks/{subscription.Id()}/deliveries");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(subscription.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()), Is.EqualTo(new[] { "WAYBILL", "MOVEMENT" }));
            Assert.That(delivered.Select(d => (d.GetProperty("kind").GetString(), d.GetProperty("status").GetString(), d.GetProperty("documentId").GetInt64())),
                Is.EqualTo(new[] { ("WAYBILL", "IN_QUEUE", id), ("WAYBILL", "NOT_VIEWED", id), ("MOVEMENT", MovementCauses.Receipt, delivered[2].GetProperty("documentId").GetInt64()) }));
            Assert.That(delivered[2].GetProperty("movement").GetProperty("goodsId").GetInt64(), Is.EqualTo(goodsId));
            Assert.That(delivered.Select(d => d.GetProperty("invoiceId").ValueKind), Is.All.EqualTo(JsonValueKind.Null));
            Assert.That(receiver.Requests.All(r => WebhookSignature.Verify(Secret, r.Body, r.Signature)), Is.True);
            Assert.That(log.EnumerateArray().Select(a => (a.GetProperty("kind").GetString(), a.GetProperty("documentId").GetInt64())).Reverse().Take(2),
                Is.EqualTo(new[] { ("WAYBILL", id), ("WAYBILL", id) }), "the log names the document of every kind");
        }
    }

    [Test]
    public async Task Should_filter_on_the_statuses_of_the_chosen_kinds_only()
    {
        // Arrange
        using var parties = await WaybillRestDriver.StartAsync(Fixture);
        using var receiver = WebhookReceiver.Start(failures: 0);

        // Act
        using var invoicesOnly = await parties.Seller.Http.PostAsJsonAsync("api/v1/webhooks",
            new { url = receiver.Url, secret = Secret, events = new[] { "NOT_VIEWED" } });
        using var unknownKind = await parties.Seller.Http.PostAsJsonAsync("api/v1/webhooks",
            new { url = receiver.Url, secret = Secret, kinds = new[] { "PARCEL" } });
        using var created = await parties.Seller.Http.PostAsJsonAsync("api/v1/webhooks",
            new { url = receiver.Url, secret = Secret, kinds = new[] { "WAYBILL" }, events = new[] { "NOT_VIEWED" } });
        var id = (await parties.UploadAcceptedAsync(parties.Body())).Single();
        await parties.ProcessedAsync(id);
        var delivered = await Poller.UntilAsync(() => Task.FromResult(Pushing_status_changes_to_a_webhook.Accepted(receiver)),
            d => d.Count >= 1, "the NOT_VIEWED change delivered");

        // Assert
        var refused = await AssertProblemAsync(invoicesOnly, HttpStatusCode.BadRequest);
        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("NOT_VIEWED").And.Contain("INVOICE"), "a subscription names no kinds: invoices");
        await AssertProblemAsync(unknownKind, HttpStatusCode.BadRequest);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(delivered.Select(d => (d.GetProperty("status").GetString(), d.GetProperty("documentId").GetInt64())),
            Is.EqualTo(new[] { ("NOT_VIEWED", id) }), "IN_QUEUE was passed over");
    }

    [TestCase("[null]")]
    [TestCase("[\"INVOICE\", null]")]
    public async Task Should_refuse_a_null_kind_with_a_problem_and_subscribe_nothing(string kinds)
    {
        // Arrange
        using var client = await RestClient.LogInAsync(Fixture);
        using var receiver = WebhookReceiver.Start(failures: 0);
        var body = $$"""{"url":"{{receiver.Url}}","secret":"{{Secret}}","kinds":{{kinds}}}""";

        // Act
        using var response = await client.Http.PostAsync("api/v1/webhooks", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        // Assert
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo(Esf.Infrastructure.Errors.EsfException.InvalidInputCode));
        Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("kinds:"));
        Assert.That(await client.Http.GetStringAsync("api/v1/webhooks"), Is.EqualTo("[]"), "nothing was subscribed");
    }

    [Test]
    public async Task Should_refuse_a_null_event_with_a_problem()
    {
        // Arrange
        using var client = await RestClient.LogInAsync(Fixture);
        using var receiver = WebhookReceiver.Start(failures: 0);
        var body = $$"""{"url":"{{receiver.Url}}","secret":"{{Secret}}","events":["DELIVERED", null]}""";

        // Act
        using var response = await client.Http.PostAsync("api/v1/webhooks", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        // Assert
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo(Esf.Infrastructure.Errors.EsfException.InvalidInputCode));
        Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("events:"));
    }

    [Test]
    public async Task Should_not_deliver_another_enterprises_movements()
    {
        // Arrange: the stranger follows movements; the owner's goods move. The stranger's own receipt, after the owner's,
        // shows its dispatch has passed the owner's movement.
        using var owner = await RestClient.LogInAsync(Fixture);
        using var stranger = await RestClient.LogInAsync(Fixture);
        using var receiver = WebhookReceiver.Start(failures: 0);
        using var created = await stranger.Http.PostAsJsonAsync("api/v1/webhooks", new { url = receiver.Url, secret = Secret, kinds = new[] { "MOVEMENT" } });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var owners = await WarehouseRequests.CreateAsync(owner, "Склад");
        var strangers = await WarehouseRequests.CreateAsync(stranger, "Склад чужака");

        // Act
        await WarehouseGoods.ReceiveAsync(owner.Tenant.SellerTin, owners.Id(), 9m, fixture: Fixture);
        await Fixture.Get<Esf.Infrastructure.Feed.FeedSequencer>().SequenceAsync(CancellationToken.None);
        var own = await WarehouseGoods.ReceiveAsync(stranger.Tenant.SellerTin, strangers.Id(), 1m, fixture: Fixture);
        var delivered = await Poller.UntilAsync(() => Task.FromResult(Pushing_status_changes_to_a_webhook.Accepted(receiver)),
            d => d.Count >= 1, "the stranger's own receipt delivered");

        // Assert
        Assert.That(delivered.Select(d => d.GetProperty("movement").GetProperty("goodsId").GetInt64()), Is.EqualTo(new[] { own }));
    }
}
