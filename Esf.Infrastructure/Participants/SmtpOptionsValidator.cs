using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Esf.Infrastructure.Participants;

/// <summary>Refuses to start with an SMTP server that cannot work: no sender address, a port or timeout out of range, an unknown security mode.</summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options) => !options.IsConfigured
        ? ValidateOptionsResult.Success
        : new OptionsFailures()
            .Require(MailboxAddress.TryParse(options.From ?? "", out _) && options.From!.Contains('@', StringComparison.Ordinal),
                "Esf:Smtp:From must be the sender's e-mail address (such as esf@example.kz) when Esf:Smtp:Host is set.")
            .Require(options.Port is > 0 and <= 65535, $"Esf:Smtp:Port must be between 1 and 65535 (it is {options.Port}).")
            .Positive("Esf:Smtp:TimeoutSeconds", options.TimeoutSeconds)
            .Require(SmtpEmailSender.TryParseSecurity(options.Security, out _),
                $"Esf:Smtp:Security is «{options.Security}»: name StartTls, SslOnConnect or None.")
            .Result;
}
