using System.Net;
using Dapper;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Soap;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Security.Tickets;

[TestFixture]
public sealed class Logging_in_with_a_signed_ticket
{
    private const string Area = "Ticket login";

    [Test]
    public async Task Should_open_a_session_of_the_signed_shape_for_a_valid_ticket()
    {
        // Arrange
        using var user = await CertifiedUser.CreateAsync();
        using var client = new TicketClient();
        var ticket = await client.CreateTicketAsync(user.Iin, "5");

        // Act
        var reply = await client.CreateSessionSignedAsync(user.Tin, TicketClient.SignTicket(ticket, user.Auth));

        // Assert
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
        Assert.That(reply.Element("sessionId"), Does.Match($"^[0-9a-f]{{32}}-{user.Tin}---ADMIN_ENTERPRISE$"));
        Assert.That(ticket, Does.Match($"^<authSign><timeMark>\\d+</timeMark><state>[^<]+</state><iin>{user.Iin}</iin><ttlInMinutes>5</ttlInMinutes></authSign>$"));
        var status = await client.Soap.PostAsync("SessionService", Envelopes.SessionCall("currentSessionStatusRequest", reply.Element("sessionId")!));
        Assert.That(status.Element("status"), Is.EqualTo("OK"));
    }

    [Test]
    public async Task Should_refuse_a_replayed_ticket()
    {
        // Arrange
        using var user = await CertifiedUser.CreateAsync();
        using var client = new TicketClient();
        var signed = TicketClient.SignTicket(await client.CreateTicketAsync(user.Iin), user.Auth);
        var first = await client.CreateSessionSignedAsync(user.Tin, signed);
        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK), first.ToString());
        await client.Soap.PostAsync("SessionService", Envelopes.SessionCall("closeSessionRequest", first.Element("sessionId")!));

        // Act
        var replay = await client.CreateSessionSignedAsync(user.Tin, signed);

        // Assert
        AssertRefused(replay, "AUTH_TICKET_NOT_FOUND", "Replay a signed ticket that already opened a session");
    }

    [Test]
    public async Task Should_refuse_an_expired_ticket()
    {
        // Arrange: the ticket's time passes (its expiry is moved into the past rather than waiting a minute).
        using var user = await CertifiedUser.CreateAsync();
        using var client = new TicketClient();
        var ticket = await client.CreateTicketAsync(user.Iin, "1");
        await using (var connection = await TrustedGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE auth_tickets SET expires_at = now() - interval '1 minute' WHERE iin = @Iin", new { user.Iin });
        }

        // Act
        var reply = await client.CreateSessionSignedAsync(user.Tin, TicketClient.SignTicket(ticket, user.Auth));

        // Assert
        AssertRefused(reply, "AUTH_TICKET_EXPIRED", "Sign and use a ticket after its ttlInMinutes ran out");
    }

    [Test]
    public async Task Should_refuse_a_ticket_the_gateway_never_issued()
    {
        // Arrange
        using var user = await CertifiedUser.CreateAsync();
        using var client = new TicketClient();
        var forged = $"<authSign><timeMark>{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}</timeMark><state>bWFkZS11cA==</state><iin>{user.Iin}</iin><ttlInMinutes>30</ttlInMinutes></authSign>";

        // Act
        var reply = await client.CreateSessionSignedAsync(user.Tin, TicketClient.SignTicket(forged, user.Auth));

        // Assert
        AssertRefused(reply, "AUTH_TICKET_NOT_FOUND", "Forge a ticket (own state/timeMark) and sign it with a valid key");
    }

    [Test]
    public async Task Should_refuse_a_ticket_changed_after_signing()
    {
        // Arrange
        using var user = await CertifiedUser.CreateAsync();
        using var other = await CertifiedUser.CreateAsync();
        using var client = new TicketClient();
        var signed = TicketClient.SignTicket(await client.CreateTicketAsync(user.Iin), user.Auth);

        // Act
        var reply = await client.CreateSessionSignedAsync(user.Tin, signed.Replace(user.Iin, other.Iin, StringComparison.Ordinal));

        // Assert
        AssertRefused(reply, "SIGNATURE_VERIFICATION_FAILED", "Edit the iin of a signed ticket (signature no longer matches)");
    }

    [Test]
    public async Task Should_refuse_a_ticket_signed_by_another_person()
    {
        // Arrange
        using var victim = await CertifiedUser.CreateAsync();
        using var attacker = await CertifiedUser.CreateAsync();
        using var client = new TicketClient();

        // Act: the attacker signs the victim's ticket with their own valid AUTH key.
        var reply = await client.LogInAsync(victim, signer: attacker.Auth);

        // Assert
        AssertRefused(reply, "IIN_NOT_VALID", "Sign another person's ticket with one's own valid certificate");
    }

    [Test]
    public async Task Should_refuse_an_enterprise_the_signer_does_not_represent()
    {
        // Arrange
        using var user = await CertifiedUser.CreateAsync();
        using var other = await CertifiedUser.CreateAsync();
        using var client = new TicketClient();

        // Act
        var reply = await client.LogInAsync(user, tin: other.Tin);

        // Assert
        AssertRefused(reply, "ENTERPRISE_NOT_FOUND_FOR_USER", "Log in with a valid ticket for an enterprise the person does not represent");
    }

    [Test]
    public async Task Should_refuse_a_profile_the_user_does_not_hold()
    {
        // Arrange
        using var user = await CertifiedUser.CreateAsync(profile: "USER");
        using var client = new TicketClient();
        var signed = TicketClient.SignTicket(await client.CreateTicketAsync(user.Iin), user.Auth);

        // Act
        var reply = await client.CreateSessionSignedAsync(user.Tin, signed, "<businessProfileType>ADMIN_ENTERPRISE</businessProfileType>");

        // Assert
        AssertRefused(reply, "NO_REQUIRED_PERMISSIONS", "Ask for ADMIN_ENTERPRISE as a USER of the enterprise");
    }

    [Test]
    public async Task Should_refuse_a_ticket_carrying_a_dtd()
    {
        // Arrange
        using var user = await CertifiedUser.CreateAsync();
        using var client = new TicketClient();
        var hostile = "<!DOCTYPE authSign [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + TicketClient.SignTicket(await client.CreateTicketAsync(user.Iin), user.Auth);

        // Act
        var reply = await client.CreateSessionSignedAsync(user.Tin, hostile);

        // Assert
        AssertRefused(reply, "SIGNATURE_INVALID_FORMAT", "Signed ticket with a DTD and an external entity (XXE)");
    }

    [Test]
    public async Task Should_refuse_an_unsigned_ticket()
    {
        // Arrange
        using var user = await CertifiedUser.CreateAsync();
        using var client = new TicketClient();

        // Act
        var reply = await client.CreateSessionSignedAsync(user.Tin, await client.CreateTicketAsync(user.Iin));

        // Assert
        AssertRefused(reply, "SIGNATURE_INVALID_FORMAT", "Send the issued ticket without any signature");
    }

    [TestCase("0")]
    [TestCase("1441")]
    public async Task Should_refuse_a_ticket_lifetime_out_of_range(string ttl)
    {
        // Arrange
        using var client = new TicketClient();

        // Act
        var reply = await client.RequestTicketAsync("123456789012", ttl);

        // Assert
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.InternalServerError), reply.ToString());
        Assert.That(reply.FaultString, Is.EqualTo("ttlInMinutes must be between 1 and 1440"));
    }

    [Test]
    public async Task Should_close_the_session_by_signed_credentials()
    {
        // Arrange
        using var user = await CertifiedUser.CreateAsync();
        using var client = new TicketClient();
        var opened = await client.LogInAsync(user);
        var signed = TicketClient.SignTicket(await client.CreateTicketAsync(user.Iin), user.Auth);

        // Act
        var reply = await client.Soap.PostAsync("SessionService", Envelopes.Envelope(
            $"<esf:closeSessionBySignedCredentialsRequest><tin>{user.Tin}</tin><signedAuthTicket>{Envelopes.Escape(signed)}</signedAuthTicket></esf:closeSessionBySignedCredentialsRequest>"));

        // Assert
        Assert.That(reply.Element("status"), Is.EqualTo("CLOSED"), reply.ToString());
        var status = await client.Soap.PostAsync("SessionService", Envelopes.SessionCall("currentSessionStatusRequest", opened.Element("sessionId")!));
        Assert.That(status.Element("status"), Is.EqualTo("CLOSED"));
    }

    internal static void AssertRefused(SoapReply reply, string errorCode, string attack, string area = Area)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.InternalServerError), reply.ToString());
            Assert.That(reply.FaultString, Is.EqualTo(errorCode), reply.ToString());
            Assert.That(reply.Body, Does.Contain("businessException"));
        }

        AttackLog.Record(area, attack, $"SOAP fault {errorCode}, no session");
    }
}
