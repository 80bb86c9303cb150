using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Infrastructure;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Sessions;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using Esf.Tests.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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

    [Test]
    public async Task Should_refuse_a_user_profile_to_create_or_revoke_the_enterprises_keys()
    {
        // Arrange
        using var admin = await Caller.LogInAsync();
        using var user = await LogInAsUserProfileAsync(admin.Tenant);
        var key = await ReadAsync(await admin.Http.PostAsJsonAsync("api/v1/api-keys", new { name = "бухгалтерия" }));

        // Act
        using var revoke = await user.DeleteAsync($"api/v1/api-keys/{key.GetProperty("keyId").GetString()}");
        using var create = await user.PostAsJsonAsync("api/v1/api-keys", new { name = "мой" });
        using var list = await user.GetAsync("api/v1/api-keys");

        // Assert
        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a user may still see the keys");
        var listed = await ReadAsync(await admin.Http.GetAsync("api/v1/api-keys"));
        Assert.That(listed[0].GetProperty("revokedAt").ValueKind, Is.EqualTo(JsonValueKind.Null), "the key was not revoked");
        AttackLog.Record(Area, "Revoke or create the enterprise's API key from a USER-profile session", "403 ACCESS_DENIED, key untouched");
    }

    [Test]
    public async Task Should_let_a_read_only_key_read_and_refuse_it_to_write()
    {
        // Arrange
        using var owner = await Caller.LogInAsync();
        var invoiceId = await owner.UploadInvoiceAsync();
        var created = await ReadAsync(await owner.Http.PostAsJsonAsync("api/v1/api-keys", new { name = "отчёты", scope = "read" }));
        using var machine = IsolationGateway.Fixture.CreateClient();
        machine.DefaultRequestHeaders.Add("X-Api-Key", created.GetProperty("secret").GetString());

        // Act
        using var read = await machine.GetAsync($"api/v1/invoices/{invoiceId}/status");
        using var write = await machine.PostAsJsonAsync("api/v1/webhooks", new { url = "http://127.0.0.1:9/hook", secret = "a-secret-of-the-receiver" });

        // Assert
        Assert.That(created.GetProperty("scope").GetString(), Is.EqualTo("read"));
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        AttackLog.Record(Area, "Write (POST) with a read-only API key", "403 ACCESS_DENIED");
    }

    [Test]
    public async Task Should_refuse_a_key_after_its_expiry_and_an_expiry_in_the_past()
    {
        // Arrange
        using var owner = await Caller.LogInAsync();
        var expiresAt = DateTimeOffset.UtcNow.AddHours(1);
        var created = await ReadAsync(await owner.Http.PostAsJsonAsync("api/v1/api-keys", new { name = "на час", expiresAt }));
        var secret = created.GetProperty("secret").GetString()!;
        var later = ActivatorUtilities.CreateInstance<ApiKeyStore>(IsolationGateway.Fixture.Services, new ControlledClock(expiresAt.AddMinutes(1)));

        // Act
        var now = await IsolationGateway.Fixture.Get<ApiKeyStore>().AuthenticateAsync(secret, writes: false, CancellationToken.None);
        var afterExpiry = await Assert.ThrowsAsync<EsfException>(() => later.AuthenticateAsync(secret, writes: false, CancellationToken.None));
        using var past = await owner.Http.PostAsJsonAsync("api/v1/api-keys", new { name = "вчера", expiresAt = DateTimeOffset.UtcNow.AddDays(-1) });

        // Assert
        Assert.That(now.Tin, Is.EqualTo(owner.Tenant.SellerTin));
        Assert.That(afterExpiry!.Kind, Is.EqualTo(EsfFaultKind.SessionClosed));
        Assert.That(past.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), "an expiry in the past is refused (FIELD_INVALID)");
    }

    [Test]
    public async Task Should_refuse_a_key_past_the_enterprises_quota()
    {
        // Arrange
        using var owner = await Caller.LogInAsync();
        var quota = IsolationGateway.Fixture.Get<IOptions<QuotaOptions>>().Value.ApiKeysPerTenant;
        for (var i = 0; i < quota; i++)
        {
            await ReadAsync(await owner.Http.PostAsJsonAsync("api/v1/api-keys", new { name = $"ключ {i}" }));
        }

        // Act
        using var over = await owner.Http.PostAsJsonAsync("api/v1/api-keys", new { name = "лишний" });

        // Assert
        var problem = await ProblemAssertions.AssertProblemAsync(over, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo(Quota.ExceededCode));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Esf:Quotas:ApiKeysPerTenant"));
        AttackLog.Record(Area, "Create API keys past the enterprise's quota", "422 QUOTA_EXCEEDED");
    }

    /// <summary>A second user of the caller's enterprise with the USER profile (not its head), in a session of its own.</summary>
    private static async Task<HttpClient> LogInAsUserProfileAsync(TestTenant tenant)
    {
        var fixture = IsolationGateway.Fixture;
        var iin = TestTenant.UniqueTin();
        using var certificate = CertificateFactory.Create("ПОЛЬЗОВАТЕЛЬ ТЕСТ", iin, tenant.SellerTin);
        await fixture.Get<RegistryWriter>().AddUserAsync(iin, TestTenant.DefaultPassword, tenant.SellerTin, "USER", "ТЕСТ", "ПОЛЬЗОВАТЕЛЬ");
        var sessionId = await fixture.Get<SessionService>().CreateAsync(
            new CreateSessionRequest(tenant.SellerTin, CertificateFactory.ToBase64(certificate), iin, TestTenant.DefaultPassword), CancellationToken.None);
        var http = fixture.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sessionId);
        return http;
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
