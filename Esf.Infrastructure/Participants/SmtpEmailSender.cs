using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Esf.Infrastructure.Participants;

/// <summary>
/// Sends participant e-mails through the configured SMTP server (MailKit). An e-mail the server does not take is kept in the
/// outbox and logged, so a mail outage loses no confirmation link: the operator can resend it from there.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, OutboxEmailSender outbox, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(string recipient, string subject, string body, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = body } };
        message.From.Add(MailboxAddress.Parse(smtp.From!)); // Validated at start whenever Host is set.
        message.To.Add(MailboxAddress.Parse(recipient));
        try
        {
            using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
            TryParseSecurity(smtp.Security, out var security);
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ProtocolException or CommandException
            or AuthenticationException or TimeoutException or SslHandshakeException)
        {
            // The recipient is personal data: the log names the server, not the address.
            logger.LogWarning(e, "SMTP server {Host}:{Port} did not take an e-mail; it is kept in email_outbox", smtp.Host, smtp.Port);
            await outbox.SendAsync(recipient, subject, body, cancellationToken);
        }
    }

    public static bool TryParseSecurity(string? value, out SecureSocketOptions security)
    {
        security = value switch
        {
            "StartTls" => SecureSocketOptions.StartTls,
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            "None" => SecureSocketOptions.None,
            _ => SecureSocketOptions.Auto,
        };
        return security != SecureSocketOptions.Auto;
    }
}
