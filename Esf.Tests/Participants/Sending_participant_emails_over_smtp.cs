using System.Security.Cryptography.X509Certificates;
using Esf.Infrastructure.Participants;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Signatures;
using Esf.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NUnit.Framework;

namespace Esf.Tests.Participants;

/// <summary>
/// With <c>Esf:Smtp:Host</c> set, the confirmation e-mail goes through SMTP (a loopback server written here receives it);
/// when the server does not take it, it stays in the outbox.
/// </summary>
[TestFixture]
public sealed class Sending_participant_emails_over_smtp
{
    private const string ConfirmUrl = "https://esf.example.kz/api/v1/participants/confirm?token=";

    [Test]
    public async Task Should_send_the_confirmation_link_to_the_registrant_through_the_smtp_server()
    {
        // Arrange
        using var server = new LoopbackSmtpServer();
        var iin = TestTenant.UniqueTin();
        var email = $"smtp{iin}@example.kz";

        // Act
        await RegisterAsync(iin, email, server.Port);
        var (recipients, message) = await server.Received;

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(recipients, Is.EqualTo(new[] { email }));
            Assert.That(message.To.Mailboxes.Select(m => m.Address), Is.EqualTo(new[] { email }));
            Assert.That(message.From.Mailboxes.Select(m => m.Address), Is.EqualTo(new[] { "esf@example.kz" }));
            Assert.That(message.Subject, Is.EqualTo("Подтверждение регистрации в ИС ЭСФ"));
            Assert.That(message.TextBody, Does.Match(ConfirmUrl.Replace("?", "\\?", StringComparison.Ordinal) + "[0-9a-f]{64}"));
        }
    }

    [Test]
    public async Task Should_keep_the_email_in_the_outbox_when_no_smtp_server_answers()
    {
        // Arrange: a loopback port nobody listens on any more.
        int closedPort;
        using (var server = new LoopbackSmtpServer())
        {
            closedPort = server.Port;
        }

        var iin = TestTenant.UniqueTin();
        var email = $"smtpdown{iin}@example.kz";

        // Act
        await RegisterAsync(iin, email, closedPort);

        // Assert
        await using var connection = await ParticipantsGateway.Fixture.Get<NpgsqlDataSource>().OpenConnectionAsync();
        var body = await Dapper.SqlMapper.QuerySingleAsync<string>(connection, "SELECT body FROM email_outbox WHERE recipient = @Email", new { Email = email });
        Assert.That(body, Does.Contain(ConfirmUrl));
    }

    /// <summary>Registers an individual through <see cref="ParticipantRegistrations"/> made with the SMTP sender at <paramref name="port"/>.</summary>
    private static async Task RegisterAsync(string iin, string email, int port)
    {
        var fixture = ParticipantsGateway.Fixture;
        var smtp = Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = "None", From = "esf@example.kz", TimeoutSeconds = 10 });
        var sender = new SmtpEmailSender(smtp, fixture.Get<OutboxEmailSender>(), NullLogger<SmtpEmailSender>.Instance);
        var nonces = fixture.Get<AgreementNonces>();
        var registrations = new ParticipantRegistrations(
            fixture.Get<NpgsqlDataSource>(), fixture.Get<CertificateValidator>(), nonces, sender, TimeProvider.System);
        using var certificate = CertificateFactory.Create("ПОЧТОВ", iin, null);
        var (nonce, _) = await nonces.IssueAsync(CancellationToken.None);
        var agreement = ParticipantAgreement.Text(ParticipantKind.Individual, iin, iin, "ПОЧТОВ", nonce);
        await registrations.RegisterAsync(new RegistrationRequest(
            ParticipantKind.Individual, CertificateFactory.ToBase64(certificate), "ПОЧТОВ", email, null, TestTenant.DefaultPassword,
            TestTenant.DefaultPassword, Sign(agreement, certificate), AgreementNonce: nonce), ConfirmUrl, CancellationToken.None);
    }

    private static string Sign(string text, X509Certificate2 certificate)
    {
        using var key = certificate.GetRSAPrivateKey()!;
        return InvoiceSignatureVerifier.Sign(text, key);
    }
}
