using Dapper;
using Esf.Domain.Employees;
using Esf.Domain.Invoices;
using Esf.Domain.Rules;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Sessions;
using Npgsql;

namespace Esf.Infrastructure.Employees;

/// <summary>
/// The head of an enterprise manages its people (Rules p.11, Agreement p.10–12; ADR 0037): enrols a registered user as an
/// employee, grants and withdraws rights with terms, blocks and unblocks, removes; every change is in the history with who made
/// it and when. Every statement is keyed by the session's enterprise, so another enterprise's people answer «not found».
/// Repeating a request changes nothing and records nothing: a client may retry any of them.
/// </summary>
public sealed class Employees(NpgsqlDataSource database, TimeProvider clock)
{
    public async Task<IReadOnlyList<Employee>> ListAsync(SessionContext session, CancellationToken ct)
    {
        RequireHead(session);
        await using var connection = await database.OpenConnectionAsync(ct);
        return await EmployeeStore.ListAsync(connection, session.Tin, null, KazakhstanTime.Today(clock), ct);
    }

    public async Task<Employee> GetAsync(SessionContext session, string iin, CancellationToken ct)
    {
        RequireHead(session);
        await using var connection = await database.OpenConnectionAsync(ct);
        return (await EmployeeStore.ListAsync(connection, session.Tin, iin, KazakhstanTime.Today(clock), ct)).SingleOrDefault()
            ?? throw EmployeeStore.NotAMember(iin);
    }

    /// <summary>Enrols a registered user (EMP-05) as an employee, without rights; true when it was added, false when it already was one.</summary>
    public async Task<(Employee Employee, bool Added)> AddAsync(SessionContext session, string iin, CancellationToken ct)
    {
        RequireHead(session);
        if (!IdentificationNumber.IsWellFormed(iin))
        {
            throw EsfException.InvalidInput("iin: ИИН — 12 цифр (12 digits).", "IIN_NOT_VALID");
        }

        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await EmployeeStore.RequireRegisteredUserAsync(connection, iin, ct);

        var added = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO user_enterprises (login, tin, business_profile_type, enrolled_by) VALUES (@Iin, @Tin, @Profile, @Login)
            ON CONFLICT (login, tin) DO NOTHING
            """, new { Iin = iin, session.Tin, Profile = EmployeeProfiles.UnderHead(session.BusinessProfileType), session.Login },
            transaction, cancellationToken: ct)) > 0;
        if (added)
        {
            await EmployeeStore.RecordAsync(connection, session.Tin, iin, "ENROLLED", null, session.Login, clock.GetUtcNow(), ct);
        }
        else
        {
            await EmployeeStore.LockEmployeeAsync(connection, session.Tin, iin, ct);
        }

        await transaction.CommitAsync(ct);
        return (await GetAsync(session, iin, ct), added);
    }

    /// <summary>Removes the employee from the enterprise: its rights go with it and its sessions for the enterprise are closed.</summary>
    public async Task RemoveAsync(SessionContext session, string iin, CancellationToken ct) =>
        await ChangeAsync(session, iin, async (connection, profile, now) =>
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                DELETE FROM user_enterprises WHERE login = @Iin AND tin = @Tin;
                UPDATE sessions SET closed_at = @Now WHERE login = @Iin AND tin = @Tin AND closed_at IS NULL;
                """, new { Iin = iin, session.Tin, Now = now }, cancellationToken: ct));
            return ((string, string?)?)("REMOVED", profile);
        }, ct);

    /// <summary>Grants <paramref name="right"/> from/to (inclusive; open without an end) or replaces its term.</summary>
    public async Task<Employee> GrantAsync(
        SessionContext session, string iin, EmployeeRight right, DateOnly validFrom, DateOnly? validTo, CancellationToken ct)
    {
        RequireHead(session);
        if (validTo < validFrom)
        {
            throw EsfException.InvalidInput("validTo must not be earlier than validFrom");
        }

        // Like a power of attorney (security review M5), a right starts no earlier than the day it is given.
        if (validFrom < KazakhstanTime.Today(clock))
        {
            throw EsfException.InvalidInput("validFrom must not be earlier than today (Kazakhstan time)");
        }

        await ChangeAsync(session, iin, async (connection, profile, now) =>
        {
            if (right == EmployeeRight.Sign && profile == "ENTREPRENEUR_USER")
            {
                throw new RuleRefusal(EsfFaultKind.Business, EmployeeRules.EntrepreneurEmployeeMustNotSign, iin);
            }

            var changed = await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO employee_rights (login, tin, right_name, valid_from, valid_to, granted_by, granted_at)
                VALUES (@Iin, @Tin, @Right, @From, @To, @Login, @Now)
                ON CONFLICT (login, tin, right_name) DO UPDATE SET valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                    granted_by = excluded.granted_by, granted_at = excluded.granted_at
                WHERE (employee_rights.valid_from, employee_rights.valid_to) IS DISTINCT FROM (excluded.valid_from, excluded.valid_to)
                """, new { Iin = iin, session.Tin, Right = right.ToWire(), From = validFrom, To = validTo, session.Login, Now = now },
                cancellationToken: ct)) > 0;
            return changed ? ((string, string?)?)("GRANTED", $"{right.ToWire()} {validFrom:yyyy-MM-dd}..{validTo?.ToString("yyyy-MM-dd") ?? ""}") : null;
        }, ct);
        return await GetAsync(session, iin, ct);
    }

    /// <summary>Withdraws <paramref name="right"/> («лишает этих прав»); withdrawing a right not held changes nothing.</summary>
    public async Task WithdrawAsync(SessionContext session, string iin, EmployeeRight right, CancellationToken ct) =>
        await ChangeAsync(session, iin, async (connection, _, _) => await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM employee_rights WHERE login = @Iin AND tin = @Tin AND right_name = @Right",
            new { Iin = iin, session.Tin, Right = right.ToWire() }, cancellationToken: ct)) > 0 ? ((string, string?)?)("WITHDRAWN", right.ToWire()) : null, ct);

    /// <summary>Blocks or unblocks the employee in the enterprise; from its next request on, its sessions and keys are refused (EMP-02).</summary>
    public async Task SetBlockedAsync(SessionContext session, string iin, bool blocked, CancellationToken ct) =>
        await ChangeAsync(session, iin, async (connection, _, now) => await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE user_enterprises SET blocked_at = CASE WHEN @Blocked THEN @Now END, blocked_by = CASE WHEN @Blocked THEN @Login END
            WHERE login = @Iin AND tin = @Tin AND (blocked_at IS NOT NULL) <> @Blocked
            """, new { Iin = iin, session.Tin, Blocked = blocked, Now = now, session.Login }, cancellationToken: ct)) > 0
            ? ((string, string?)?)(blocked ? "BLOCKED" : "UNBLOCKED", null)
            : null, ct);

    /// <summary>The enterprise's history of people, newest first; one person's when <paramref name="iin"/> is given.</summary>
    public async Task<IReadOnlyList<EmployeeHistoryEntry>> HistoryAsync(SessionContext session, string? iin, CancellationToken ct)
    {
        RequireHead(session);
        await using var connection = await database.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<EmployeeHistoryEntry>(new CommandDefinition("""
            SELECT id AS Id, login AS Iin, action AS Action, detail AS Detail, actor AS Actor, at AS At FROM employee_history
            WHERE tin = @Tin AND (@Iin::text IS NULL OR login = @Iin) ORDER BY id DESC LIMIT 1000
            """, new { session.Tin, Iin = iin }, cancellationToken: ct))];
    }

    /// <summary>The rights of the session's own person today: what any user may ask about itself.</summary>
    public static IReadOnlyList<string> OwnRights(SessionContext session) => [.. session.Authority.Rights.Select(r => r.ToWire())];

    /// <summary>
    /// Runs one change on a locked employee of the session's enterprise and records it; <paramref name="change"/> answers the
    /// history's action and detail, or null when nothing changed (a retry).
    /// </summary>
    private async Task ChangeAsync(
        SessionContext session, string iin, Func<NpgsqlConnection, string, DateTimeOffset, Task<(string Action, string? Detail)?>> change,
        CancellationToken ct)
    {
        RequireHead(session);
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var profile = await EmployeeStore.LockEmployeeAsync(connection, session.Tin, iin, ct);
        if (await change(connection, profile, now) is { } done)
        {
            await EmployeeStore.RecordAsync(connection, session.Tin, iin, done.Action, done.Detail, session.Login, now, ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>EMP-04: only the head of the enterprise, in a session (not with an API key), manages it.</summary>
    internal static void RequireHead(SessionContext session)
    {
        if (!BusinessProfileTypes.IsHead(session.BusinessProfileType) || session.SessionId.StartsWith("apikey:", StringComparison.Ordinal))
        {
            throw new RuleRefusal(EsfFaultKind.AccessDenied, EmployeeRules.OnlyHeadManagesPeople, $"профиль {session.BusinessProfileType}");
        }
    }
}
