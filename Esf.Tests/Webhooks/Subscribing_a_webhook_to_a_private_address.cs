using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Esf.Infrastructure.Webhooks;
using Esf.Tests.Infrastructure;
using Esf.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Esf.Tests.Webhooks;

/// <summary>
/// H3 (SSRF) when subscribing: only public http(s) receivers are accepted. Nothing is ever connected to: the gateway only
/// resolves (through the scripted resolver) and checks.
/// </summary>
[TestFixture]
public sealed class Subscribing_a_webhook_to_a_private_address
{
    private static readonly ScriptedResolver s_resolver = new ScriptedResolver()
        .Map("metadata.example.test", "169.254.169.254")
        .Map("intranet.example.test", "203.0.114.7", "192.168.1.10")
        .Map("hooks.example.test", "203.0.114.7");

    private GatewayFixture gateway = null!;

    // A host of its own: the namespace's gateway allows private networks (its receivers are on loopback), this one must not.
    [OneTimeSetUp]
    public async Task StartGatewayAsync() =>
        gateway = await GatewayFixture.StartAsync(roles: "gateway", configure: b => b.Services.AddSingleton<IWebhookHostResolver>(s_resolver));

    [OneTimeTearDown]
    public async Task StopGatewayAsync() => await gateway.DisposeAsync();

    [TestCase("http://127.0.0.1:15672/api/queues")]
    [TestCase("http://[::1]:5432/")]
    [TestCase("http://10.0.0.5/hook")]
    [TestCase("http://169.254.169.254/latest/meta-data/")]
    [TestCase("http://100.64.0.1/")]
    [TestCase("http://[fe80::1]/")]
    [TestCase("http://[fd12:3456::1]/")]
    [TestCase("https://224.0.0.1/")]
    [TestCase("http://0.0.0.0:8080/")]
    [TestCase("http://metadata.example.test/latest/meta-data/")]
    [TestCase("http://intranet.example.test/")]
    [TestCase("http://unknown.example.test/")]
    public async Task Should_refuse_a_receiver_that_is_not_a_public_address(string url)
    {
        // Arrange
        using var http = await LogInAsync();

        // Act
        using var response = await http.PostAsJsonAsync("api/v1/webhooks", new { url, secret = "a-secret-of-the-receiver" });

        // Assert
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo(WebhookTargetRefusedException.RefusedCode));
        Assert.That(await (await http.GetAsync("api/v1/webhooks")).Content.ReadAsStringAsync(), Is.EqualTo("[]"), "nothing was subscribed");
        AttackLog.Record("Webhooks", $"Subscribe a webhook to {url}", "422 WEBHOOK_TARGET_REFUSED, nothing connected");
    }

    [Test]
    public async Task Should_accept_a_public_receiver_and_refuse_other_schemes()
    {
        // Arrange
        using var http = await LogInAsync();

        // Act
        using var accepted = await http.PostAsJsonAsync("api/v1/webhooks", new { url = "https://hooks.example.test/esf", secret = "a-secret-of-the-receiver" });
        using var ftp = await http.PostAsJsonAsync("api/v1/webhooks", new { url = "ftp://hooks.example.test/esf", secret = "a-secret-of-the-receiver" });

        // Assert
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(ftp.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        // Nothing may ever try to reach a name outside loopback: the subscription goes before any change could be dispatched.
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var removed = await http.DeleteAsync($"api/v1/webhooks/{id}");
        Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    private async Task<HttpClient> LogInAsync()
    {
        using var tenant = await TestTenant.CreateAsync(gateway);
        var http = gateway.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await tenant.OpenSessionAsync(gateway));
        return http;
    }
}
