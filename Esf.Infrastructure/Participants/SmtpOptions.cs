namespace Esf.Infrastructure.Participants;

/// <summary>
/// The <c>Esf:Smtp</c> section: the mail server participant e-mails go through. With no <see cref="Host"/> they stay in the
/// <c>email_outbox</c> table (development, tests), which is also where an e-mail the server refused is kept.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Esf:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c> (port 465) or <c>None</c> (a relay on the same host only).</summary>
    public string Security { get; set; } = "StartTls";

    /// <summary>Login at the server; none = send without authenticating.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender's address, e.g. <c>esf@example.kz</c>; required with <see cref="Host"/>.</summary>
    public string? From { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
