using Dapper;
using Esf.Domain.Rules;
using Esf.Infrastructure.Employees;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Registry;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Enterprises;

/// <summary>
/// What the head of a legal entity manages over the API besides its people (ADR 0037): its branches, the delegations of its
/// liquidated branches to active ones (seed «Наделение полномочием по выписке ЭСФ за ликвидированный филиал»; LIQ-01/02 as for
/// an import), and the hand-over to a new head (Agreement p.8). Everything is keyed by the session's enterprise.
/// </summary>
public sealed class HeadOffice(NpgsqlDataSource database, TimeProvider clock)
{
    public async Task<IReadOnlyList<Branch>> BranchesAsync(SessionContext session, CancellationToken ct)
    {
        RequireHead(session);
        await using var connection = await database.OpenConnectionAsync(ct);
        var branches = await connection.QueryAsync<(string Tin, string Name, DateOnly? Deregistered, string? Reason)>(new CommandDefinition("""
            SELECT tin, name_ru, deregistered_on, deregistration_reason FROM taxpayers WHERE head_office_tin = @Tin ORDER BY tin
            """, new { session.Tin }, cancellationToken: ct));
        var delegations = (await connection.QueryAsync<(string Liquidated, string Delegate, DateOnly From, DateOnly? To, string? By)>(new CommandDefinition("""
            SELECT liquidated_tin, delegate_tin, valid_from, valid_to, granted_by FROM branch_delegations
            WHERE head_office_tin = @Tin ORDER BY liquidated_tin, valid_from, delegate_tin
            """, new { session.Tin }, cancellationToken: ct))).ToLookup(d => d.Liquidated);
        return [.. branches.Select(b => new Branch(b.Tin, b.Name, b.Deregistered, b.Reason,
            b.Deregistered is not null && b.Reason?.Trim().StartsWith(DelegationCheck.Liquidation, StringComparison.OrdinalIgnoreCase) == true,
            [.. delegations[b.Tin].Select(d => new BranchDelegation(d.Delegate, d.From, d.To, d.By))]))];
    }

    /// <summary>Delegates issuing for a liquidated branch from/to; repeating it with the same start replaces the end.</summary>
    public async Task DelegateAsync(
        SessionContext session, string branchTin, string delegateTin, DateOnly validFrom, DateOnly? validTo, CancellationToken ct)
    {
        RequireHead(session);
        if (validTo < validFrom)
        {
            throw EsfException.InvalidInput("validTo must not be earlier than validFrom");
        }

        await using var connection = await database.OpenConnectionAsync(ct);
        if (await DelegationCheck.ProblemAsync(connection, session.Tin, branchTin, delegateTin, ct) is { } problem)
        {
            // Another enterprise's branch is refused by LIQ-01 without naming more than the caller sent.
            throw EsfException.Business(problem, problem[..6]);
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO branch_delegations (liquidated_tin, delegate_tin, head_office_tin, valid_from, valid_to, granted_by, granted_at)
            VALUES (@Branch, @Delegate, @Tin, @From, @To, @Login, @Now)
            ON CONFLICT (liquidated_tin, delegate_tin, valid_from) DO UPDATE SET valid_to = excluded.valid_to,
                granted_by = excluded.granted_by, granted_at = excluded.granted_at
            WHERE branch_delegations.valid_to IS DISTINCT FROM excluded.valid_to
            """, new { Branch = branchTin, Delegate = delegateTin, session.Tin, From = validFrom, To = validTo, session.Login, Now = clock.GetUtcNow() },
            cancellationToken: ct)) > 0;
        if (changed)
        {
            await RecordAsync(connection, session, "DELEGATION_GRANTED",
                $"{branchTin} → {delegateTin} {validFrom:yyyy-MM-dd}..{validTo?.ToString("yyyy-MM-dd") ?? ""}", ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Ends the delegation from today (Kazakhstan time): one that has not started is dropped, one in force ends yesterday. The
    /// invoices already issued under it stay judged by the days they were issued on.
    /// </summary>
    public async Task EndDelegationAsync(SessionContext session, string branchTin, string delegateTin, CancellationToken ct)
    {
        RequireHead(session);
        var today = KazakhstanTime.Today(clock);
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var ended = await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM branch_delegations
            WHERE liquidated_tin = @Branch AND delegate_tin = @Delegate AND head_office_tin = @Tin AND valid_from >= @Today;
            UPDATE branch_delegations SET valid_to = @Yesterday
            WHERE liquidated_tin = @Branch AND delegate_tin = @Delegate AND head_office_tin = @Tin AND (valid_to IS NULL OR valid_to >= @Today);
            """, new { Branch = branchTin, Delegate = delegateTin, session.Tin, Today = today, Yesterday = today.AddDays(-1) },
            cancellationToken: ct));
        if (ended > 0)
        {
            await RecordAsync(connection, session, "DELEGATION_ENDED", $"{branchTin} → {delegateTin} {today.AddDays(-1):yyyy-MM-dd}", ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Hands the enterprise over to <paramref name="newHeadIin"/>, a registered user (EMP-05): it becomes ADMIN_ENTERPRISE (its
    /// employee rights go: a head holds every right), the outgoing head leaves the enterprise and its sessions for it close.
    /// Repeating it once done is refused: the caller is no longer the head.
    /// </summary>
    public async Task ChangeHeadAsync(SessionContext session, string newHeadIin, CancellationToken ct)
    {
        RequireHead(session);
        if (session.BusinessProfileType != "ADMIN_ENTERPRISE")
        {
            throw EsfException.Business("Смена руководителя — только для юридического лица (ADMIN_ENTERPRISE); an entrepreneur is its own head.",
                "NO_REQUIRED_PERMISSIONS");
        }

        if (newHeadIin == session.Login)
        {
            throw EsfException.InvalidInput("iin: the new head must be another person than the current one.");
        }

        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await EmployeeStore.RequireRegisteredUserAsync(connection, newHeadIin, ct);

        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM employee_rights WHERE login = @New AND tin = @Tin;
            INSERT INTO user_enterprises (login, tin, business_profile_type, enrolled_by) VALUES (@New, @Tin, 'ADMIN_ENTERPRISE', @Old)
            ON CONFLICT (login, tin) DO UPDATE SET business_profile_type = 'ADMIN_ENTERPRISE', blocked_at = NULL, blocked_by = NULL;
            DELETE FROM user_enterprises WHERE login = @Old AND tin = @Tin;
            UPDATE sessions SET closed_at = @Now WHERE login = @Old AND tin = @Tin AND closed_at IS NULL;
            UPDATE enterprise_heads SET valid_to = @Now WHERE tin = @Tin AND valid_to IS NULL;
            INSERT INTO enterprise_heads (tin, head_iin, valid_from, changed_by) VALUES (@Tin, @New, @Now, @Old);
            INSERT INTO employee_history (tin, login, action, detail, actor, at) VALUES (@Tin, @New, 'HEAD_CHANGED', 'вместо ' || @Old, @Old, @Now);
            """, new { New = newHeadIin, Old = session.Login, session.Tin, Now = now }, cancellationToken: ct));
        await RecordAsync(connection, session, "HEAD_CHANGED", $"{session.Login} → {newHeadIin}", ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<EnterpriseHistoryEntry>> HistoryAsync(SessionContext session, CancellationToken ct)
    {
        RequireHead(session);
        await using var connection = await database.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<EnterpriseHistoryEntry>(new CommandDefinition("""
            SELECT id AS Id, action AS Action, detail AS Detail, actor AS Actor, at AS At FROM enterprise_history
            WHERE tin = @Tin ORDER BY id DESC LIMIT 1000
            """, new { session.Tin }, cancellationToken: ct))];
    }

    private Task RecordAsync(NpgsqlConnection connection, SessionContext session, string action, string detail, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO enterprise_history (tin, action, detail, actor, at) VALUES (@Tin, @Action, @Detail, @Login, @Now)
            """, new { session.Tin, Action = action, Detail = detail, session.Login, Now = clock.GetUtcNow() }, cancellationToken: ct));

    private static void RequireHead(SessionContext session) => Employees.Employees.RequireHead(session);
}
