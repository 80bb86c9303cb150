namespace Esf.Infrastructure.Participants;

/// <summary>Sends the gateway's e-mails; replace the registration to send through SMTP or a mail service.</summary>
public interface IEmailSender
{
    Task SendAsync(string recipient, string subject, string body, CancellationToken cancellationToken);
}
