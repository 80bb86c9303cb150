using System.Net;
using Esf.Infrastructure.Sessions;
using Esf.Tests.Infrastructure;
using NUnit.Framework;

namespace Esf.Tests.Security.Journal;

/// <summary>
/// The journal is part of the gateway and as strict as its APIs: a session cookie scripts cannot read, sent only on
/// same-site requests to the journal; an anti-forgery token on every form; a Content-Security-Policy without script or
/// framing; no page without an open session.
/// </summary>
[TestFixture]
public sealed class Securing_the_journal
{
    private const string Area = "Web journal";

    private static GatewayFixture Fixture => JournalGateway.Fixture;

    [Test]
    public async Task Should_keep_the_session_in_an_httponly_same_site_cookie_and_send_a_strict_policy()
    {
        // Arrange
        using var tenant = await TestTenant.CreateAsync(Fixture);
        using var journal = new JournalClient(Fixture);
        var token = await journal.TokenAsync();

        // Act
        using var login = await journal.LogInAsync(tenant, token);
        using var page = await journal.Http.GetAsync("journal");

        // Assert
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("esf_journal=", StringComparison.Ordinal)).ToLowerInvariant();
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(login.Headers.Location?.ToString(), Is.EqualTo("/journal"));
            Assert.That(cookie, Does.Contain("httponly").And.Contain("samesite=strict").And.Contain("path=/journal"));
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain(tenant.SellerTin).And.Not.Contain("<script"));
            Assert.That(policy, Does.Contain("default-src 'none'").And.Contain("style-src 'self'").And.Contain("frame-ancestors 'none'")
                .And.Not.Contain("script-src").And.Not.Contain("unsafe"));
            Assert.That(page.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
            Assert.That(page.Headers.CacheControl?.NoStore, Is.True);
        }

        AttackLog.Record(Area, "Steal the journal session from a script, or ride it from another site",
            "Session cookie HttpOnly, SameSite=Strict, Path=/journal (Secure behind TLS); CSP default-src 'none', no script, frame-ancestors 'none'");
    }

    [Test]
    public async Task Should_refuse_a_posted_form_without_its_anti_forgery_token()
    {
        // Arrange
        using var tenant = await TestTenant.CreateAsync(Fixture);
        using var journal = new JournalClient(Fixture);
        await journal.TokenAsync();

        // Act
        using var forged = await journal.LogInAsync(tenant, token: null);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(forged.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("esf_journal=", StringComparison.Ordinal)),
                Is.False, "no session is opened");
        }

        AttackLog.Record(Area, "Cross-site request forgery: post the journal's login or logout form without its anti-forgery token",
            "400; nothing happens (every journal form carries and checks an anti-forgery token)");
    }

    [Test]
    public async Task Should_close_the_session_on_logout_and_send_every_page_to_the_login_without_one()
    {
        // Arrange
        using var tenant = await TestTenant.CreateAsync(Fixture);
        using var journal = new JournalClient(Fixture);
        using (await journal.LogInAsync(tenant, await journal.TokenAsync()))
        {
        }

        var sessionId = journal.Cookies["esf_journal"]!.Value;

        // Act
        using var logout = await journal.Http.PostAsync("journal/logout", new FormUrlEncodedContent([new("__af", await journal.TokenAsync("journal"))]));
        using var afterwards = await journal.Http.GetAsync("journal/queue");
        using var anonymous = new JournalClient(Fixture);
        using var card = await anonymous.Http.GetAsync("journal/invoices/10000000000000001");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(logout.Headers.Location?.ToString(), Is.EqualTo("/journal/login"));
            Assert.That(await Fixture.Get<SessionService>().StatusAsync(sessionId, CancellationToken.None), Is.EqualTo(SessionStatus.Closed));
            Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(afterwards.Headers.Location?.ToString(), Is.EqualTo("/journal/login"));
            Assert.That(card.Headers.Location?.ToString(), Is.EqualTo("/journal/login"));
        }
    }

    [Test]
    public async Task Should_say_why_a_login_failed_without_opening_a_session()
    {
        // Arrange
        using var tenant = await TestTenant.CreateAsync(Fixture);
        using var wrong = await TestTenant.CreateAsync(Fixture);
        using var journal = new JournalClient(Fixture);

        // Act: the right password with another person's certificate
        var form = new MultipartFormDataContent
        {
            { new StringContent(tenant.SellerTin), "tin" },
            { new StringContent(tenant.UserIin), "login" },
            { new StringContent(tenant.Password), "password" },
            { new ByteArrayContent(wrong.Certificate.RawData), "certificate", "other.cer" },
            { new StringContent(await journal.TokenAsync()), "__af" },
        };
        using var refused = await journal.Http.PostAsync("journal/login", form);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("IIN_NOT_VALID"));
            Assert.That(journal.Cookies["esf_journal"], Is.Null);
        }
    }
}
