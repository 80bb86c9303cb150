using System.Net;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using Esf.Tests.Soap;
using NUnit.Framework;

namespace Esf.Tests.Security.Tickets;

/// <summary>Certificates the gateway must refuse, on ticket login and on the legacy createSession / closeSessionByCredentials.</summary>
[TestFixture]
public sealed class Presenting_certificates
{
    private const string Area = "Certificates";

    [Test]
    public async Task Should_refuse_a_revoked_certificate()
    {
        // Arrange: the person whose certificate the CRL lists is a registered user.
        using var owner = await CertifiedUser.CreateAsync();
        await TrustedGateway.Fixture.Get<RegistryWriter>().AddUserAsync(TrustedGateway.RevokedIin, TestTenant.DefaultPassword, owner.Tin, "USER");
        using var client = new TicketClient();
        var ticket = await client.CreateTicketAsync(TrustedGateway.RevokedIin);

        // Act
        var reply = await client.CreateSessionSignedAsync(owner.Tin, TicketClient.SignTicket(ticket, TrustedGateway.Revoked));

        // Assert
        Logging_in_with_a_signed_ticket.AssertRefused(reply, "CERTIFICATE_REVOKED", "Log in with a certificate listed in the CA's CRL", Area);
    }

    [Test]
    public async Task Should_refuse_an_expired_certificate()
    {
        // Arrange
        using var user = await CertifiedUser.CreateAsync();
        using var expired = TrustedGateway.Authority.Issue(
            "ТЕСТОВ", user.Iin, user.Tin, CertificatePurpose.Authentication, DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddDays(-1));
        using var client = new TicketClient();

        // Act
        var reply = await client.LogInAsync(user, signer: expired);

        // Assert
        Logging_in_with_a_signed_ticket.AssertRefused(reply, "CERTIFICATE_EXPIRED", "Log in with the person's certificate after its notAfter", Area);
    }

    [Test]
    public async Task Should_refuse_a_certificate_of_an_untrusted_issuer()
    {
        // Arrange: a self-signed certificate naming the right person (anyone can make one).
        using var user = await CertifiedUser.CreateAsync();
        using var selfSigned = CertificateFactory.Create("ТЕСТОВ", user.Iin, user.Tin);
        using var client = new TicketClient();

        // Act
        var reply = await client.LogInAsync(user, signer: selfSigned);

        // Assert
        Logging_in_with_a_signed_ticket.AssertRefused(reply, "CERTIFICATE_NOT_VALID", "Log in with a self-signed certificate naming the right ИИН", Area);
    }

    [Test]
    public async Task Should_refuse_a_signing_certificate_for_login()
    {
        // Arrange
        using var user = await CertifiedUser.CreateAsync();
        using var client = new TicketClient();

        // Act
        var reply = await client.LogInAsync(user, signer: user.Sign);

        // Assert
        Logging_in_with_a_signed_ticket.AssertRefused(reply, "CERTIFICATE_IS_NOT_FOR_AUTH", "Log in with the person's signing (not AUTH) certificate", Area);
    }

    [Test]
    public async Task Should_refuse_another_persons_certificate_on_legacy_login()
    {
        // Arrange
        using var user = await CertifiedUser.CreateAsync();
        using var other = await CertifiedUser.CreateAsync();
        using var client = new TicketClient();

        // Act: the right password, but the certificate of someone else.
        var reply = await client.Soap.PostAsync("SessionService", Envelopes.Envelope(
            $"<esf:createSessionRequest><tin>{user.Tin}</tin><x509Certificate>{other.AuthBase64}</x509Certificate></esf:createSessionRequest>",
            Envelopes.UsernameToken(user.Iin, TestTenant.DefaultPassword)));

        // Assert
        Logging_in_with_a_signed_ticket.AssertRefused(reply, "IIN_NOT_VALID", "createSession with the right password and another person's certificate", Area);
    }

    [Test]
    public async Task Should_refuse_a_revoked_certificate_on_legacy_login_and_close()
    {
        // Arrange
        using var owner = await CertifiedUser.CreateAsync();
        await TrustedGateway.Fixture.Get<RegistryWriter>().AddUserAsync(TrustedGateway.RevokedIin, TestTenant.DefaultPassword, owner.Tin, "USER");
        using var client = new TicketClient();
        var certificate = CertificateFactory.ToBase64(TrustedGateway.Revoked);
        var token = Envelopes.UsernameToken(TrustedGateway.RevokedIin, TestTenant.DefaultPassword);

        // Act
        var create = await client.Soap.PostAsync("SessionService", Envelopes.Envelope(
            $"<esf:createSessionRequest><tin>{owner.Tin}</tin><x509Certificate>{certificate}</x509Certificate></esf:createSessionRequest>", token));
        var close = await client.Soap.PostAsync("SessionService", Envelopes.Envelope(
            $"<esf:closeSessionByCredentialsRequest><tin>{owner.Tin}</tin><x509Certificate>{certificate}</x509Certificate></esf:closeSessionByCredentialsRequest>", token));

        // Assert
        Logging_in_with_a_signed_ticket.AssertRefused(create, "CERTIFICATE_REVOKED", "createSession with a revoked certificate and the right password", Area);
        Logging_in_with_a_signed_ticket.AssertRefused(close, "CERTIFICATE_REVOKED", "closeSessionByCredentials with a revoked certificate", Area);
    }

    [Test]
    public async Task Should_accept_legacy_login_with_a_trusted_certificate()
    {
        // Arrange
        using var user = await CertifiedUser.CreateAsync();
        using var client = new TicketClient();

        // Act
        var reply = await client.Soap.PostAsync("SessionService", Envelopes.Envelope(
            $"<esf:createSessionRequest><tin>{user.Tin}</tin><x509Certificate>{user.AuthBase64}</x509Certificate></esf:createSessionRequest>",
            Envelopes.UsernameToken(user.Iin, TestTenant.DefaultPassword)));

        // Assert
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.ToString());
        Assert.That(reply.Element("sessionId"), Does.Match($"^[0-9a-f]{{32}}-{user.Tin}-$"));
    }
}
