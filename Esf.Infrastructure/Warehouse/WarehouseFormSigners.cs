using Dapper;
using Esf.Domain.Rules;
using Npgsql;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// The fact <see cref="Esf.Domain.Warehouse.WarehouseFormRules.JudgeSigner"/> needs about an OPERATOR signer: whether the person the
/// certificate names (its ИИН, the user's login) is a member of the sender, not blocked, active, and holds SIGN on the day — a head
/// (any profile but the employees' <c>*USER</c>) holds every right, an employee what <c>employee_rights</c> gives in its term
/// (ADR 0037). Read in the verdicts' transaction, so a right withdrawn before the form is decided no longer allows it.
/// </summary>
internal static class WarehouseFormSigners
{
    public static async Task<bool> PersonMaySignAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SignatureCheck check, string senderTin, DateOnly today, CancellationToken cancellationToken) =>
        check is { IsValid: true, IsOperator: true, SignerIin: { } iin }
        && await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (
                SELECT 1 FROM user_enterprises e JOIN users u ON u.login = e.login
                WHERE e.login = @Iin AND e.tin = @Tin AND e.blocked_at IS NULL AND u.status = 'ACTIVE'
                  AND (e.business_profile_type NOT LIKE '%USER'
                       OR EXISTS (SELECT 1 FROM employee_rights r
                                  WHERE r.login = e.login AND r.tin = e.tin AND r.right_name = 'SIGN'
                                    AND r.valid_from <= @Today AND (r.valid_to IS NULL OR r.valid_to >= @Today))))
            """, new { Iin = iin, Tin = senderTin, Today = today }, transaction, cancellationToken: cancellationToken));
}
