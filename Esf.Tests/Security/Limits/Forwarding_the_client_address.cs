using System.Net;
using System.Net.Http.Json;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Limits;

/// <summary>X-Forwarded-For names the client only when a configured proxy (<see cref="LimitedGateway.Proxy"/>) sends it.</summary>
[TestFixture]
[NonParallelizable]
public sealed class Forwarding_the_client_address
{
    private const string Area = "Rate limits";

    [Test]
    public async Task Should_ignore_a_forwarded_address_from_a_client_that_is_not_a_proxy()
    {
        // Arrange: a client (not the proxy) that names a new address on every guess to escape the login limit.
        using var tenant = await TestTenant.CreateAsync(LimitedGateway.Fixture);
        using var client = LimitedGateway.Fixture.CreateClientFrom("127.0.0.3");

        // Act
        var answers = new List<HttpStatusCode>();
        for (var n = 0; n <= LimitedGateway.Logins; n++)
        {
            answers.Add(await GuessAsync(client, tenant, forwardedFor: $"198.51.100.{n + 1}"));
        }

        // Assert
        Assert.That(answers.Take(LimitedGateway.Logins), Has.None.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(answers[^1], Is.EqualTo(HttpStatusCode.TooManyRequests), "a forged X-Forwarded-For does not make a new client");
        AttackLog.Record(Area, "Forge X-Forwarded-For on every login guess, not through the proxy",
            "Ignored: the guesses count against the real peer address, 429 after the limit");
    }

    [Test]
    public async Task Should_limit_each_client_behind_the_proxy_on_its_own()
    {
        // Arrange: the neighbour logs in as another user (the guessed login itself is locked out after as many failures).
        using var tenant = await TestTenant.CreateAsync(LimitedGateway.Fixture);
        using var other = await TestTenant.CreateAsync(LimitedGateway.Fixture);
        using var proxy = LimitedGateway.Fixture.CreateClientFrom(LimitedGateway.Proxy);

        // Act: one client behind the proxy spends its login budget; another client behind the same proxy then logs in.
        var answers = new List<HttpStatusCode>();
        for (var n = 0; n <= LimitedGateway.Logins; n++)
        {
            answers.Add(await GuessAsync(proxy, tenant, forwardedFor: "203.0.113.7"));
        }

        var neighbour = await GuessAsync(proxy, other, forwardedFor: "203.0.113.8");

        // Assert
        Assert.That(answers[^1], Is.EqualTo(HttpStatusCode.TooManyRequests), "the guessing client is limited");
        Assert.That(neighbour, Is.Not.EqualTo(HttpStatusCode.TooManyRequests), "its neighbour behind the same proxy is not");
        AttackLog.Record(Area, "Guess passwords from one client behind the reverse proxy (Esf:Http:KnownProxies)",
            "That client is limited by its forwarded address; other clients behind the proxy still log in");
    }

    private static async Task<HttpStatusCode> GuessAsync(HttpClient client, TestTenant tenant, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/sessions")
        {
            Content = JsonContent.Create(new { tin = tenant.SellerTin, certificate = tenant.CertificateBase64, login = tenant.UserIin, password = "Guess" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
