using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Domain.Invoices;
using Esf.Infrastructure;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Feed;
using Esf.Infrastructure.Webhooks;
using Esf.Tests.Infrastructure;
using Esf.Tests.Lifecycle;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace Esf.Tests.Webhooks;

/// <summary>A subscription over REST, a receiver that fails at first, the HMAC on every delivery, the log and a replay.</summary>
[TestFixture]
public sealed class Pushing_status_changes_to_a_webhook
{
    private const string Secret = "a-secret-of-the-receiver";

    [Test]
    public async Task Should_retry_after_a_receiver_failure_and_deliver_every_change_signed_and_in_order()
    {
        // Arrange
        var fixture = WebhookGateway.Fixture;
        using var parties = await DocumentFlowParties.StartAsync(fixture);
        using var receiver = WebhookReceiver.Start(failures: 2);
        using var http = fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", parties.SellerSession.SessionId);
        using var created = await http.PostAsJsonAsync("api/v1/webhooks", new { url = receiver.Url, secret = Secret });
        var subscriptionId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        // Act
        var id = await parties.RegisterAsync();
        await parties.ChangeAsync(parties.Customer, LifecycleOperation.Confirm, id);
        var delivered = await Poller.UntilAsync(
            () => Task.FromResult(Accepted(receiver)), d => d.Count >= 3, "three changes delivered");

        // Assert
        using var log = await http.GetAsync($"api/v1/webhooks/{subscriptionId}/deliveries");
        var attempts = (await log.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Reverse().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(delivered.Select(d => d.GetProperty("status").GetString()), Is.EqualTo(new[] { "IN_QUEUE", "CREATED", "DELIVERED" }));
            Assert.That(delivered.Select(d => d.GetProperty("invoiceId").GetInt64()), Is.All.EqualTo(id));
            Assert.That(receiver.Requests.All(r => WebhookSignature.Verify(Secret, r.Body, r.Signature)), Is.True, "every request carries a valid HMAC");
            Assert.That(attempts.Take(3).Select(a => (a.GetProperty("succeeded").GetBoolean(), a.GetProperty("responseStatus").GetInt32())),
                Is.EqualTo(new[] { (false, 500), (false, 500), (true, 200) }), "the first change failed twice, then was retried until accepted");
        }

        using var unsubscribed = await http.DeleteAsync($"api/v1/webhooks/{subscriptionId}");
        Assert.That(unsubscribed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task Should_replay_from_a_cursor_and_refuse_another_enterprises_subscription()
    {
        // Arrange
        var fixture = WebhookGateway.Fixture;
        using var parties = await DocumentFlowParties.StartAsync(fixture);
        using var receiver = WebhookReceiver.Start(failures: 0);
        using var seller = fixture.CreateClient();
        seller.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", parties.SellerSession.SessionId);
        using var customer = fixture.CreateClient();
        customer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", parties.Customer.SessionId);
        using var created = await seller.PostAsJsonAsync("api/v1/webhooks", new { url = receiver.Url, secret = Secret, events = new[] { "CREATED" } });
        var subscriptionId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await parties.RegisterAsync();
        var first = await Poller.UntilAsync(() => Task.FromResult(Accepted(receiver)), d => d.Count == 1, "the CREATED change delivered");
        var before = long.Parse(first[0].GetProperty("cursor").GetString()!) - 1;

        // Act
        using var replay = await seller.PostAsJsonAsync($"api/v1/webhooks/{subscriptionId}/replay", new { fromCursor = $"{before}" });
        using var foreign = await customer.PostAsJsonAsync($"api/v1/webhooks/{subscriptionId}/replay", new { fromCursor = "0" });
        var again = await Poller.UntilAsync(() => Task.FromResult(Accepted(receiver)), d => d.Count == 2, "the CREATED change delivered again");

        // Assert
        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(again.Select(d => d.GetProperty("cursor").GetString()), Is.EqualTo(new[] { first[0].GetProperty("cursor").GetString(), first[0].GetProperty("cursor").GetString() }));
        using var unsubscribed = await seller.DeleteAsync($"api/v1/webhooks/{subscriptionId}");
        Assert.That(unsubscribed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task Should_refuse_a_subscription_past_the_enterprises_quota()
    {
        // Arrange
        var fixture = WebhookGateway.Fixture;
        using var tenant = await TestTenant.CreateAsync(fixture);
        using var http = fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await tenant.OpenSessionAsync(fixture));
        var quota = fixture.Get<IOptions<QuotaOptions>>().Value.WebhooksPerTenant;
        var port = WebhookReceiver.ClosedPort();
        for (var i = 0; i < quota; i++)
        {
            using var created = await http.PostAsJsonAsync("api/v1/webhooks", new { url = $"http://127.0.0.1:{port}/hook/{i}", secret = Secret });
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        // Act
        using var over = await http.PostAsJsonAsync("api/v1/webhooks", new { url = $"http://127.0.0.1:{port}/hook/over", secret = Secret });

        // Assert
        Assert.That(over.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await over.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString(), Is.EqualTo(Quota.ExceededCode));
    }

    [Test]
    public async Task Should_keep_a_replay_that_happens_while_a_dispatch_is_under_way()
    {
        // Arrange: a dispatch read the subscription at cursor 10 (generation 0); the tenant then replays from 0.
        var fixture = WebhookGateway.Fixture;
        var store = fixture.Get<WebhookStore>();
        var tin = TestTenant.UniqueTin();
        var read = await store.CreateAsync(tin, $"http://127.0.0.1:{WebhookReceiver.ClosedPort()}/hook", FeedKinds.Default, [], Secret, 10, CancellationToken.None);
        await store.RewindAsync(tin, read.SubscriptionId, 0, CancellationToken.None);

        // Act: the dispatch delivered up to 50 and advances with the generation it read.
        var advanced = await store.AdvanceAsync(read.SubscriptionId, read.Generation, 50, CancellationToken.None);

        // Assert
        var after = (await store.ListAsync(tin, CancellationToken.None)).Single();
        Assert.That(advanced, Is.False, "the dispatch learns it was overtaken by a replay and stops");
        Assert.That((after.FeedCursor, after.Generation), Is.EqualTo((0L, read.Generation + 1)), "the replay's cursor stands");
        await store.DeactivateAsync(tin, read.SubscriptionId, CancellationToken.None);
    }

    [Test]
    public async Task Should_deliver_to_one_enterprise_while_another_enterprises_receiver_never_answers()
    {
        // Arrange: one enterprise's receiver swallows the dispatcher's request and never answers (timeout 300 s here).
        var fixture = WebhookGateway.Fixture;
        var store = fixture.Get<WebhookStore>();
        using var silent = SilentReceiver.Start();
        using var stalling = await DocumentFlowParties.StartAsync(fixture);
        var stalled = await store.CreateAsync(stalling.Seller.Tenant.SellerTin, silent.Url, FeedKinds.Default, [], Secret, 10, CancellationToken.None);
        await stalling.RegisterAsync();
        await silent.Connected.WaitAsync(TimeSpan.FromSeconds(60));
        using var receiver = WebhookReceiver.Start(failures: 0);
        using var served = await DocumentFlowParties.StartAsync(fixture);
        var subscription = await store.CreateAsync(served.Seller.Tenant.SellerTin, receiver.Url, FeedKinds.Default, [], Secret, 10, CancellationToken.None);

        // Act
        var id = await served.RegisterAsync();
        var delivered = await Poller.UntilAsync(
            () => Task.FromResult(Accepted(receiver)), d => d.Any(e => e.GetProperty("status").GetString() == "CREATED"),
            "the other enterprise's change delivered while the silent receiver still holds its request");

        // Assert
        Assert.That(delivered.Select(d => d.GetProperty("invoiceId").GetInt64()), Is.All.EqualTo(id));
        await store.DeactivateAsync(stalling.Seller.Tenant.SellerTin, stalled.SubscriptionId, CancellationToken.None);
        await store.DeactivateAsync(served.Seller.Tenant.SellerTin, subscription.SubscriptionId, CancellationToken.None);
    }

    internal static List<JsonElement> Accepted(WebhookReceiver receiver) =>
        [.. receiver.Requests.Where(r => r.Answered == 200).Select(r => JsonDocument.Parse(r.Body).RootElement.Clone())];
}
