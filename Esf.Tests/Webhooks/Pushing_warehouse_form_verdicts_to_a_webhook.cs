using System.Net;
using System.Net.Http.Json;
using Esf.Infrastructure.Webhooks;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using Esf.Tests.Warehouse;
using NUnit.Framework;
using static Esf.Tests.Rest.ProblemAssertions;

namespace Esf.Tests.Webhooks;

/// <summary>
/// Webhooks follow warehouse forms too (kind WAREHOUSE_FORM, ADR 0031): a subscription of that kind gets each form's verdict
/// (PROCESSED «Обработанный», ERROR «Ошибочный» with the reason), may filter on those two, and gets only its own enterprise's.
/// </summary>
[TestFixture]
public sealed class Pushing_warehouse_form_verdicts_to_a_webhook
{
    private const string Secret = "a-secret-of-the-receiver";

    private static GatewayFixture Fixture => WebhookGateway.Fixture;

    [Test]
    public async Task Should_deliver_the_erroneous_form_to_a_subscription_of_ERROR_only()
    {
        // Arrange
        using var owner = await RestClient.LogInAsync(Fixture);
        using var receiver = WebhookReceiver.Start(failures: 0);
        using var created = await owner.Http.PostAsJsonAsync("api/v1/webhooks",
            new { url = receiver.Url, secret = Secret, kinds = new[] { "WAREHOUSE_FORM" }, events = new[] { "ERROR" } });
        var subscription = await RestClient.ReadJsonAsync(created);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), subscription.ToString());
        var warehouse = await WarehouseRequests.CreateAsync(owner, "Склад");

        // Act
        await Processing_warehouse_forms.UploadProcessedAsync(owner, WarehouseFormBodies.Remains(warehouse.Id(), "1"));
        var goodsId = (await WarehouseRequests.GetJsonAsync(owner, $"api/v1/warehouses/{warehouse.Id()}/balances"))[0].GetProperty("goodsId").GetInt64();
        var oversell = await Processing_warehouse_forms.UploadProcessedAsync(owner, WarehouseFormBodies.WriteOff(goodsId, "2", 11m));
        var delivered = await Poller.UntilAsync(() => Task.FromResult(Pushing_status_changes_to_a_webhook.Accepted(receiver)),
            d => d.Count >= 1, "the erroneous form delivered");

        // Assert
        var log = await WarehouseRequests.GetJsonAsync(owner, $"api/v1/webhooks/{subscription.Id()}/deliveries");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(delivered.Select(d => (d.GetProperty("kind").GetString(), d.GetProperty("documentId").GetInt64(), d.GetProperty("status").GetString())),
                Is.EqualTo(new[] { ("WAREHOUSE_FORM", oversell.Id(), "ERROR") }), "the PROCESSED form was passed over");
            Assert.That(delivered[0].GetProperty("reason").GetString(), Is.EqualTo(oversell.GetProperty("errorReason").GetString()));
            Assert.That(receiver.Requests.All(r => WebhookSignature.Verify(Secret, r.Body, r.Signature)), Is.True);
            Assert.That(log.EnumerateArray().Select(a => (a.GetProperty("kind").GetString(), a.GetProperty("documentId").GetInt64())),
                Is.EqualTo(new[] { ("WAREHOUSE_FORM", oversell.Id()) }), "the log names the form");
        }
    }

    [Test]
    public async Task Should_refuse_a_status_no_form_has_and_deliver_nothing_of_another_enterprises_forms()
    {
        // Arrange: the stranger follows forms; the owner's form is decided first, then the stranger's own.
        using var owner = await RestClient.LogInAsync(Fixture);
        using var stranger = await RestClient.LogInAsync(Fixture);
        using var receiver = WebhookReceiver.Start(failures: 0);
        using var wrongStatus = await stranger.Http.PostAsJsonAsync("api/v1/webhooks",
            new { url = receiver.Url, secret = Secret, kinds = new[] { "WAREHOUSE_FORM" }, events = new[] { "RECEIPT" } });
        using var created = await stranger.Http.PostAsJsonAsync("api/v1/webhooks", new { url = receiver.Url, secret = Secret, kinds = new[] { "WAREHOUSE_FORM" } });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var owners = await WarehouseRequests.CreateAsync(owner, "Склад");
        var strangers = await WarehouseRequests.CreateAsync(stranger, "Склад чужака");

        // Act
        await Processing_warehouse_forms.UploadProcessedAsync(owner, WarehouseFormBodies.Remains(owners.Id(), "1"));
        await Fixture.Get<Esf.Infrastructure.Feed.FeedSequencer>().SequenceAsync(CancellationToken.None);
        var own = await Processing_warehouse_forms.UploadProcessedAsync(stranger, WarehouseFormBodies.Remains(strangers.Id(), "1"));
        var delivered = await Poller.UntilAsync(() => Task.FromResult(Pushing_status_changes_to_a_webhook.Accepted(receiver)),
            d => d.Count >= 1, "the stranger's own form delivered");

        // Assert
        var refused = await AssertProblemAsync(wrongStatus, HttpStatusCode.BadRequest);
        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("RECEIPT").And.Contain("WAREHOUSE_FORM"));
        Assert.That(delivered.Select(d => d.GetProperty("documentId").GetInt64()), Is.EqualTo(new[] { own.Id() }));
    }
}
