using Dapper;
using Esf.Domain.Invoices;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Persistence;
using Esf.Infrastructure.Sessions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Esf.Infrastructure.Participants;

/// <summary>
/// Grants, lists and revokes the powers of attorney of the session's enterprise, and answers whether a person holds a
/// valid one on a date (what signatureType OPERATOR needs). Only the head of the enterprise may grant or revoke.
/// </summary>
public sealed class PowersOfAttorney(NpgsqlDataSource database, TimeProvider clock, IOptions<QuotaOptions> quotas)
{
    /// <summary>Counts the powers in force of principal <c>@Tin</c> on <c>@Today</c>: what <c>Esf:Quotas:PowersOfAttorneyPerTenant</c> limits.</summary>
    internal const string CountInForce =
        "SELECT count(*) FROM powers_of_attorney WHERE principal_tin = @Tin AND revoked_at IS NULL AND valid_to >= @Today";

    private const string Columns = """
        id AS Id, principal_tin AS PrincipalTin, attorney_iin AS AttorneyIin, valid_from AS ValidFrom, valid_to AS ValidTo,
        granted_by AS GrantedBy, revoked_at AS RevokedAt
        """;

    public async Task<PowerOfAttorney> GrantAsync(
        SessionContext session, string attorneyIin, DateOnly validFrom, DateOnly validTo, CancellationToken cancellationToken)
    {
        RequireHead(session);
        if (!IdentificationNumber.IsWellFormed(attorneyIin))
        {
            throw EsfException.Code("IIN_NOT_VALID");
        }

        if (validTo < validFrom)
        {
            throw EsfException.InvalidInput("validTo must not be earlier than validFrom");
        }

        // A power covers what is signed from the day it is given (server time): a backdated one would bless invoices an
        // attorney signed without authority (security review M5).
        if (validFrom < KazakhstanTime.Today(clock))
        {
            throw EsfException.InvalidInput("validFrom must not be earlier than today (Kazakhstan time)");
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Powers still in force count (unrevoked, not yet ended); ended ones stay listed but free their place.
        await TenantQuotas.EnsureRoomAsync(connection, session.Tin,
            CountInForce,
            new { session.Tin, Today = KazakhstanTime.Today(clock) }, quotas.Value.PowersOfAttorneyPerTenant, "powers of attorney in force",
            "Esf:Quotas:PowersOfAttorneyPerTenant", cancellationToken);
        var granted = await connection.QuerySingleAsync<PowerOfAttorney>(new CommandDefinition($"""
            INSERT INTO powers_of_attorney (principal_tin, attorney_iin, valid_from, valid_to, granted_by)
            VALUES (@Tin, @AttorneyIin, @ValidFrom, @ValidTo, @Login)
            RETURNING {Columns}
            """, new { session.Tin, AttorneyIin = attorneyIin, ValidFrom = validFrom, ValidTo = validTo, session.Login },
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return granted;
    }

    public async Task<IReadOnlyList<PowerOfAttorney>> ListAsync(string principalTin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<PowerOfAttorney>(new CommandDefinition(
            $"SELECT {Columns} FROM powers_of_attorney WHERE principal_tin = @Tin ORDER BY id", new { Tin = principalTin },
            cancellationToken: cancellationToken))];
    }

    /// <summary>Revokes one of the enterprise's powers; another enterprise's id answers false, like a missing one.</summary>
    public async Task<bool> RevokeAsync(SessionContext session, long id, CancellationToken cancellationToken)
    {
        RequireHead(session);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE powers_of_attorney SET revoked_at = coalesce(revoked_at, @Now) WHERE id = @Id AND principal_tin = @Tin",
            new { Id = id, session.Tin, Now = clock.GetUtcNow() }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Whether <paramref name="attorneyIin"/> may sign for <paramref name="principalTin"/> on <paramref name="date"/>.</summary>
    public async Task<bool> HoldsAsync(string principalTin, string attorneyIin, DateOnly date, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM powers_of_attorney WHERE principal_tin = @Principal AND attorney_iin = @Attorney
                           AND revoked_at IS NULL AND @Date BETWEEN valid_from AND valid_to)
            """, new { Principal = principalTin, Attorney = attorneyIin, Date = date }, cancellationToken: cancellationToken));
    }

    private static void RequireHead(SessionContext session)
    {
        if (!BusinessProfileTypes.IsHead(session.BusinessProfileType) || session.SessionId.StartsWith("apikey:", StringComparison.Ordinal))
        {
            throw EsfException.AccessDenied("Only the head of the enterprise, in a session, may grant or revoke powers of attorney.");
        }
    }
}
