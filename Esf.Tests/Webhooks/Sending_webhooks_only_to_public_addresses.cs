using System.Text;
using Esf.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace Esf.Tests.Webhooks;

/// <summary>
/// H3 (SSRF) at delivery: every connection resolves the name through a resolver the test scripts, checks the addresses and
/// connects only to a checked one; redirects are not followed; the log shows no remote error text. Only loopback receivers
/// take part, and names that the check must refuse are only ever resolved, never connected to.
/// </summary>
[TestFixture]
public sealed class Sending_webhooks_only_to_public_addresses
{
    private static readonly byte[] s_body = Encoding.UTF8.GetBytes("""{"status":"CREATED"}""");

    [TestCase("127.0.0.1")]
    [TestCase("::1")]
    public async Task Should_refuse_a_name_that_now_resolves_to_loopback_without_reaching_the_receiver(string rebound)
    {
        // Arrange: the name was public when subscribed, then re-pointed at the gateway's own machine (DNS rebinding).
        using var receiver = WebhookReceiver.Start(failures: 0);
        var resolver = new ScriptedResolver().Map("hooks.example.test", "203.0.114.7");
        var guard = Guard(resolver, allowPrivateNetworks: false);
        await guard.CheckAsync(new Uri($"http://hooks.example.test:{receiver.Port}/hook/"), CancellationToken.None);
        resolver.Map("hooks.example.test", rebound);
        using var sender = new WebhookSender(guard, Options(allowPrivateNetworks: false));

        // Act
        var attempt = await sender.SendAsync(Subscription($"http://hooks.example.test:{receiver.Port}/hook/"), "1", s_body, CancellationToken.None);

        // Assert
        Assert.That(attempt, Is.EqualTo(new WebhookAttempt(null, WebhookAttempt.TargetRefused)));
        Assert.That(receiver.Requests, Is.Empty, "nothing reached the loopback receiver");
        Assert.That(resolver.Asked, Is.EqualTo(new[] { "hooks.example.test", "hooks.example.test" }), "resolved again on delivery");
    }

    [Test]
    public async Task Should_refuse_a_loopback_address_given_as_the_url()
    {
        // Arrange
        using var receiver = WebhookReceiver.Start(failures: 0);
        using var sender = new WebhookSender(Guard(new ScriptedResolver(), allowPrivateNetworks: false), Options(allowPrivateNetworks: false));

        // Act
        var attempt = await sender.SendAsync(Subscription(receiver.Url), "1", s_body, CancellationToken.None);

        // Assert
        Assert.That(attempt.Error, Is.EqualTo(WebhookAttempt.TargetRefused));
        Assert.That(receiver.Requests, Is.Empty);
    }

    [TestCase("10.0.0.5")]
    [TestCase("169.254.169.254")]
    [TestCase("192.168.1.10")]
    [TestCase("172.16.0.1")]
    [TestCase("100.64.0.1")]
    [TestCase("0.0.0.0")]
    [TestCase("224.0.0.251")]
    [TestCase("fd00::5")]
    [TestCase("fe80::1")]
    [TestCase("::ffff:10.0.0.5")]
    [TestCase("64:ff9b::a9fe:a9fe")]
    public async Task Should_refuse_a_name_that_resolves_to_an_address_that_is_not_public(string address)
    {
        // Arrange: one public address next to the refused one; every address is checked, not only the first.
        var resolver = new ScriptedResolver().Map("inside.example.test", "203.0.114.7", address);
        var guard = Guard(resolver, allowPrivateNetworks: false);

        // Act
        var refused = await Assert.ThrowsAsync<WebhookTargetRefusedException>(() => guard.CheckAsync(new Uri("http://inside.example.test/hook"), CancellationToken.None));

        // Assert
        Assert.That(refused!.ErrorCode, Is.EqualTo(WebhookTargetRefusedException.RefusedCode));
        Assert.That(refused.Message, Does.Contain("not a public internet address"));
    }

    [Test]
    public async Task Should_not_follow_a_redirect()
    {
        // Arrange
        using var inner = WebhookReceiver.Start(failures: 0);
        using var outer = WebhookReceiver.Redirecting(inner.Url);
        using var sender = new WebhookSender(Guard(new ScriptedResolver(), allowPrivateNetworks: true), Options(allowPrivateNetworks: true));

        // Act
        var attempt = await sender.SendAsync(Subscription(outer.Url), "1", s_body, CancellationToken.None);

        // Assert
        Assert.That(attempt, Is.EqualTo(new WebhookAttempt(302, "HTTP 302")));
        Assert.That(inner.Requests, Is.Empty, "the redirect's target was never requested");
    }

    [Test]
    public async Task Should_log_a_failed_connection_without_the_remote_error_text()
    {
        // Arrange
        using var sender = new WebhookSender(Guard(new ScriptedResolver(), allowPrivateNetworks: true), Options(allowPrivateNetworks: true));

        // Act
        var attempt = await sender.SendAsync(Subscription($"http://127.0.0.1:{WebhookReceiver.ClosedPort()}/hook"), "1", s_body, CancellationToken.None);

        // Assert
        Assert.That(attempt, Is.EqualTo(new WebhookAttempt(null, WebhookAttempt.Failed)), "no «Connection refused (127.0.0.1:…)» for the tenant to read");
    }

    private static WebhookTargetGuard Guard(ScriptedResolver resolver, bool allowPrivateNetworks) => new(resolver, Options(allowPrivateNetworks));

    private static IOptions<WebhookOptions> Options(bool allowPrivateNetworks) =>
        Microsoft.Extensions.Options.Options.Create(new WebhookOptions { AllowPrivateNetworks = allowPrivateNetworks });

    private static WebhookSubscription Subscription(string url) => new(1, "000000000000", url, "", "a-secret-of-the-receiver", 0, true, DateTime.UtcNow, 0, "INVOICE");
}
