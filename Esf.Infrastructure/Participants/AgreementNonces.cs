using System.Security.Cryptography;
using Dapper;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Signatures;
using Npgsql;

namespace Esf.Infrastructure.Participants;

/// <summary>
/// The nonces the agreement text carries (security review M6): issued with the text, each signs one registration, once, within
/// <see cref="Lifetime"/>. Only their hashes are kept, and at most <see cref="MaxLive"/> at a time, so anonymous requests for
/// agreements cannot fill the table.
/// </summary>
public sealed class AgreementNonces(NpgsqlDataSource database, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    public const int MaxLive = 10_000;

    public async Task<(string Nonce, DateTimeOffset ExpiresAt)> IssueAsync(CancellationToken cancellationToken)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var issued = await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM registration_nonces WHERE expires_at <= @Now;
            INSERT INTO registration_nonces (nonce_hash, expires_at)
            SELECT @Hash, @ExpiresAt WHERE (SELECT count(*) FROM registration_nonces) < @MaxLive
            """, new { Now = now, Hash = Sha256Hex.Of(nonce), ExpiresAt = now + Lifetime, MaxLive }, cancellationToken: cancellationToken));
        return issued > 0 ? (nonce, now + Lifetime) : throw TooManyPending();
    }

    /// <summary>Uses the nonce up inside the registration's transaction; an unknown, used or expired one is refused.</summary>
    public async Task ConsumeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string? nonce, CancellationToken cancellationToken)
    {
        var consumed = !string.IsNullOrEmpty(nonce) && await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM registration_nonces WHERE nonce_hash = @Hash AND expires_at > @Now",
            new { Hash = Sha256Hex.Of(nonce), Now = clock.GetUtcNow() }, transaction, cancellationToken: cancellationToken)) > 0;
        if (!consumed)
        {
            throw EsfException.Business(
                "Текст соглашения устарел или уже подписан: запросите его заново и подпишите (agreementNonce unknown, used or expired)",
                "AGREEMENT_NONCE_INVALID");
        }
    }

    internal static EsfException TooManyPending() => EsfException.Business(
        "Слишком много незавершённых регистраций, повторите позже (too many pending registrations)", "REGISTRATION_PENDING_LIMIT");
}
