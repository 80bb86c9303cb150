using Dapper;
using Esf.Domain.Employees;
using Esf.Domain.Rules;
using Esf.Infrastructure.Employees;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// The fact <see cref="Esf.Domain.Warehouse.WarehouseFormRules.JudgeSigner"/> needs about an OPERATOR signer: whether the person the
/// certificate names (its ИИН, the user's login) is a member of the sender holding SIGN on the day — the one rule of
/// <see cref="EmployeeAuthorityColumns"/> that judges a session or an API key (ADR 0037): not blocked, active, and a head (any
/// profile but the employees' <c>*USER</c>) holds every right, an employee what <c>employee_rights</c> gives in its term. Read in
/// the verdicts' transaction, so a right withdrawn or a member blocked before the form is decided no longer allows it.
/// </summary>
internal static class WarehouseFormSigners
{
    public static async Task<bool> PersonMaySignAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SignatureCheck check, string senderTin, DateOnly today, CancellationToken cancellationToken)
    {
        if (check is not { IsValid: true, IsOperator: true, SignerIin: { } iin })
        {
            return false;
        }

        var member = await connection.QuerySingleOrDefaultAsync<Membership>(new CommandDefinition($"""
            SELECT e.business_profile_type AS Profile, {EmployeeAuthorityColumns.For("e")}
            FROM user_enterprises e WHERE e.login = @Iin AND e.tin = @Tin
            """, new { Iin = iin, Tin = senderTin }, transaction, cancellationToken: cancellationToken));
        return member is not null
            && EmployeeAuthorityColumns.AuthorityOrNone(member.Profile, member.Blocked, member.Rights, today)?.Holds(EmployeeRight.Sign) == true;
    }

    private sealed record Membership(string Profile, bool? Blocked, string? Rights);
}
