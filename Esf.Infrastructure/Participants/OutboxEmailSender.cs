using Dapper;
using Npgsql;

namespace Esf.Infrastructure.Participants;

/// <summary>The development sender: each e-mail becomes a row of <c>email_outbox</c> (nothing leaves the machine).</summary>
public sealed class OutboxEmailSender(NpgsqlDataSource database) : IEmailSender
{
    public async Task SendAsync(string recipient, string subject, string body, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO email_outbox (recipient, subject, body) VALUES (@Recipient, @Subject, @Body)",
            new { Recipient = recipient, Subject = subject, Body = body }, cancellationToken: cancellationToken));
    }
}
