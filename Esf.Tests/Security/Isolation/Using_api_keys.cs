using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NUnit.Framework;

namespace Esf.Tests.Security.Isolation;

[TestFixture]
public sealed class Using_api_keys
{
    private const string Area = "API keys";

    [Test]
    public async Task Should_create_use_list_and_revoke_a_key_of_the_enterprise()
    {
        // Arrange
        using var owner = await Caller.LogInAsync();
        var invoiceId = await owner.UploadInvoiceAsync();

        // Act
        var created = await ReadAsync(await owner.Http.PostAsJsonAsync("api/v1/api-keys", new { name = "1C обмен" }));
        var secret = created.GetProperty("secret").GetString()!;
        using var machine = IsolationGateway.Fixture.CreateClient();
        machine.DefaultRequestHeaders.Add("X-Api-Key", secret);
        using var withKey = await machine.GetAsync($"api/v1/invoices/{invoiceId}/status");
        var listed = await ReadAsync(await owner.Http.GetAsync("api/v1/api-keys"));
        using var revoked = await owner.Http.DeleteAsync($"api/v1/api-keys/{created.GetProperty("keyId").GetString()}");
        using var afterRevoke = await machine.GetAsync($"api/v1/invoices/{invoiceId}/status");

        // Assert
        Assert.That(secret, Does.StartWith("esf_"));
        Assert.That(withKey.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(listed.GetArrayLength(), Is.EqualTo(1));
        Assert.That(listed[0].GetProperty("name").GetString(), Is.EqualTo("1C обмен"));
        Assert.That(listed[0].GetProperty("secret").ValueKind, Is.EqualTo(JsonValueKind.Null), "a secret is shown once, never listed");
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(afterRevoke.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        AttackLog.Record(Area, "Use an API key after it was revoked", "401 SESSION_CLOSED problem");
    }

    [Test]
    public async Task Should_keep_a_key_inside_its_enterprise()
    {
        // Arrange
        using var owner = await Caller.LogInAsync();
        using var stranger = await Caller.LogInAsync();
        var invoiceId = await owner.UploadInvoiceAsync();
        var strangerKey = await ReadAsync(await stranger.Http.PostAsJsonAsync("api/v1/api-keys", new { name = "чужой" }));
        var ownerKey = await ReadAsync(await owner.Http.PostAsJsonAsync("api/v1/api-keys", new { name = "свой" }));
        using var machine = IsolationGateway.Fixture.CreateClient();
        machine.DefaultRequestHeaders.Add("X-Api-Key", strangerKey.GetProperty("secret").GetString());

        // Act
        using var read = await machine.GetAsync($"api/v1/invoices/{invoiceId}");
        using var revokeOther = await stranger.Http.DeleteAsync($"api/v1/api-keys/{ownerKey.GetProperty("keyId").GetString()}");
        using var mint = await machine.PostAsJsonAsync("api/v1/api-keys", new { name = "ещё один" });
        machine.DefaultRequestHeaders.Remove("X-Api-Key");
        machine.DefaultRequestHeaders.Add("X-Api-Key", ownerKey.GetProperty("secret").GetString() + "x");
        using var forged = await machine.GetAsync($"api/v1/invoices/{invoiceId}");

        // Assert
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(revokeOther.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(mint.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        AttackLog.Record(Area, "Read enterprise X's invoice with enterprise Y's API key", "404, as for a missing invoice");
        AttackLog.Record(Area, "Revoke enterprise X's key from enterprise Y's session", "404, key untouched");
        AttackLog.Record(Area, "Mint a new key with an API key", "403 ACCESS_DENIED (keys are managed from a session)");
        AttackLog.Record(Area, "Present a key with a wrong secret", "401 SESSION_CLOSED");
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.LessThan(300), text);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
