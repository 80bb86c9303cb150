using System.Net;
using Esf.Api.Hosting;
using NUnit.Framework;

namespace Esf.Tests.Security.Limits;

/// <summary>/verify needs no login, so a per-address limit keeps anyone from probing registration numbers in bulk.</summary>
[TestFixture]
[NonParallelizable]
public sealed class Verifying_invoices_under_the_rate_limit
{
    [Test]
    public async Task Should_answer_429_after_the_verifications_allowed_per_minute()
    {
        // Arrange
        var allowed = new RateLimitingOptions().VerifyPerIpPerMinute;
        using var anyone = LimitedGateway.Fixture.CreateClient();

        // Act
        var answers = new List<HttpStatusCode>();
        for (var n = 0; n < allowed; n++)
        {
            using var probe = await anyone.GetAsync($"verify/ESF-123456789021-20260101-{n:D8}");
            answers.Add(probe.StatusCode);
        }

        using var limited = await anyone.GetAsync("verify/ESF-123456789021-20260101-99999999");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers, Is.All.EqualTo(HttpStatusCode.NotFound), "unknown numbers, said plainly");
            Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(limited.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        }

        AttackLog.Record("Rate limits", $"Probe registration numbers on the public /verify page: {allowed + 1} in a minute from one IP",
            $"404 «not registered» for the first {allowed}, then 429 + Retry-After (Esf:RateLimiting:VerifyPerIpPerMinute)");
    }
}
