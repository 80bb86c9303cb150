using Dapper;
using Npgsql;

namespace Esf.Infrastructure.Participants;

/// <summary>The worker's read of powers of attorney: every unrevoked one of the batch's sellers, for rule POA-01.</summary>
internal static class PowerOfAttorneyStore
{
    public static async Task<IReadOnlyList<(string Principal, string Attorney, DateOnly From, DateOnly To)>> ValidForAsync(
        NpgsqlConnection connection, string[] principalTins, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<(string, string, DateOnly, DateOnly)>(new CommandDefinition("""
            SELECT principal_tin, attorney_iin, valid_from, valid_to FROM powers_of_attorney
            WHERE principal_tin = ANY(@Tins) AND revoked_at IS NULL
            """, new { Tins = principalTins }, cancellationToken: cancellationToken))];
}
