using System.Security.Cryptography;
using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Errors;
using Npgsql;

namespace Esf.Infrastructure.Sessions;

/// <summary>Issues tickets (createAuthTicket) and takes them back once (createSessionSigned): ours, unexpired, unused.</summary>
public sealed class AuthTickets(NpgsqlDataSource database, TimeProvider clock)
{
    public const int DefaultTtlMinutes = 30;
    public const int MaxTtlMinutes = 1440;

    /// <summary>A ticket for any well-formed ИИН: whether the person is a user is only answered after they proved it with a signature.</summary>
    public async Task<AuthTicket> CreateAsync(string iin, int? ttlInMinutes, CancellationToken cancellationToken)
    {
        if (!IdentificationNumber.IsWellFormed(iin))
        {
            throw EsfException.Code("IIN_NOT_VALID");
        }

        var ttl = ttlInMinutes ?? DefaultTtlMinutes;
        if (ttl is < 1 or > MaxTtlMinutes)
        {
            throw EsfException.InvalidInput($"ttlInMinutes must be between 1 and {MaxTtlMinutes}");
        }

        var now = clock.GetUtcNow();
        var ticket = new AuthTicket(now.ToUnixTimeMilliseconds(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), iin, ttl);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM auth_tickets WHERE expires_at < @Now - interval '1 day';
            INSERT INTO auth_tickets (state, iin, time_mark, ttl_minutes, expires_at) VALUES (@State, @Iin, @TimeMark, @TtlInMinutes, @ExpiresAt)
            """, new { ticket.State, ticket.Iin, ticket.TimeMark, ticket.TtlInMinutes, ExpiresAt = now.AddMinutes(ttl), Now = now },
            cancellationToken: cancellationToken));
        return ticket;
    }

    /// <summary>
    /// Marks the ticket used, atomically, so a replay (even a concurrent one) finds nothing. Every field must be the one issued:
    /// a ticket whose iin or timeMark was edited is as unknown as a made-up one.
    /// </summary>
    public async Task ConsumeAsync(AuthTicket ticket, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var expiresAt = await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition("""
            UPDATE auth_tickets SET used_at = @Now
            WHERE state = @State AND iin = @Iin AND time_mark = @TimeMark AND ttl_minutes = @TtlInMinutes AND used_at IS NULL
            RETURNING expires_at
            """, new { ticket.State, ticket.Iin, ticket.TimeMark, ticket.TtlInMinutes, Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
        if (expiresAt is null)
        {
            throw EsfException.Code("AUTH_TICKET_NOT_FOUND");
        }

        // Npgsql reads timestamptz as a UTC DateTime.
        if (expiresAt < clock.GetUtcNow().UtcDateTime)
        {
            throw EsfException.Code("AUTH_TICKET_EXPIRED");
        }
    }
}
