using System.Net.Http.Json;
using System.Text.Json;
using Esf.Tests.Webhooks;
using NUnit.Framework;

namespace Esf.Tests.Security.Isolation;

/// <summary>
/// A webhook subscription delivers an enterprise's invoice changes, so its log and its cursor are the enterprise's too:
/// enterprise Y naming X's subscription must get exactly the answer for a subscription that does not exist, must not see
/// it in its own list, and must leave it active.
/// </summary>
[TestFixture]
public sealed class Reaching_another_enterprises_webhooks
{
    [TestCase("GET", "api/v1/webhooks/{id}/deliveries")]
    [TestCase("POST", "api/v1/webhooks/{id}/replay")]
    [TestCase("DELETE", "api/v1/webhooks/{id}")]
    public async Task Should_answer_another_enterprises_subscription_exactly_like_a_missing_one(string method, string path)
    {
        // Arrange
        using var owner = await Caller.LogInAsync();
        using var stranger = await Caller.LogInAsync();
        using var receiver = WebhookReceiver.Start(failures: 0);
        using var created = await owner.Http.PostAsJsonAsync("api/v1/webhooks", new { url = receiver.Url, secret = "isolation-matrix-secret" });
        var subscription = new InvoiceTarget((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64(), "none", "");
        var missing = subscription.Missing();

        // Act
        var strangerAnswer = subscription.Normalize(await CallAsync(stranger, method, path, subscription.Id));
        var missingAnswer = missing.Normalize(await CallAsync(stranger, method, path, missing.Id));
        var strangerList = await stranger.Http.GetStringAsync("api/v1/webhooks");
        var ownerList = await owner.Http.GetStringAsync("api/v1/webhooks");
        var ownerAnswer = subscription.Normalize(await CallAsync(owner, method, path, subscription.Id));
        // Dispatchers of every gateway walk all active subscriptions: leave none behind with a closed receiver.
        using var unsubscribed = await owner.Http.DeleteAsync($"api/v1/webhooks/{subscription.Id}");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(strangerAnswer, Is.EqualTo(missingAnswer), "another enterprise's subscription must answer like a missing one");
            Assert.That(ownerAnswer, Is.Not.EqualTo(missingAnswer), "the owner must reach its subscription");
            Assert.That(strangerList, Does.Not.Contain($"\"id\":{subscription.Id},"), "Y's list must not hold X's subscription");
            Assert.That(ownerList, Does.Contain($"\"id\":{subscription.Id},"), "X's list holds it, still active after Y's call");
        }

        AttackLog.Record("Tenant isolation", $"Enterprise Y calls REST {method} {path} with enterprise X's webhook subscription",
            $"Same answer as for a nonexistent subscription ({strangerAnswer.Split(' ')[0]}); not in Y's list, still in X's");
    }

    private static async Task<string> CallAsync(Caller caller, string method, string path, long id)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", id.ToString(), StringComparison.Ordinal))
        {
            Content = method == "POST" ? JsonContent.Create(new { fromCursor = "0" }) : null,
        };
        using var response = await caller.Http.SendAsync(request);
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }
}
