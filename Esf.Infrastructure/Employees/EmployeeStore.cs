using Dapper;
using Esf.Infrastructure.Errors;
using Npgsql;

namespace Esf.Infrastructure.Employees;

/// <summary>The SQL of the people of an enterprise, always keyed by the enterprise (<c>@Tin</c>): another's people are «not found».</summary>
internal static class EmployeeStore
{
    private const string Columns = """
        e.login AS Iin, u.first_name AS FirstName, u.last_name AS LastName, e.business_profile_type AS BusinessProfileType,
        e.blocked_at IS NOT NULL AS Blocked, e.blocked_at AS BlockedAt, e.enrolled_by AS EnrolledBy
        """;

    public static async Task<IReadOnlyList<Employee>> ListAsync(
        NpgsqlConnection connection, string tin, string? iin, DateOnly today, CancellationToken ct)
    {
        var people = (await connection.QueryAsync<PersonRow>(new CommandDefinition($"""
            SELECT {Columns} FROM user_enterprises e JOIN users u ON u.login = e.login
            WHERE e.tin = @Tin AND (@Iin::text IS NULL OR e.login = @Iin) ORDER BY e.login
            """, new { Tin = tin, Iin = iin }, cancellationToken: ct))).ToList();
        var rights = (await connection.QueryAsync<(string Login, string Right, DateOnly From, DateOnly? To, string? GrantedBy)>(new CommandDefinition("""
            SELECT login, right_name, valid_from, valid_to, granted_by FROM employee_rights
            WHERE tin = @Tin AND login = ANY(@Logins) ORDER BY login, right_name
            """, new { Tin = tin, Logins = people.Select(p => p.Iin).ToArray() }, cancellationToken: ct))).ToLookup(r => r.Login);
        return [.. people.Select(p => new Employee(p.Iin, p.FirstName, p.LastName, p.BusinessProfileType, p.Blocked, p.BlockedAt, p.EnrolledBy,
            [.. rights[p.Iin].Select(r => new EmployeeRightGrant(r.Right, r.From, r.To, r.GrantedBy, r.From <= today && (r.To is null || today <= r.To)))]))];
    }

    /// <summary>The employee profile of <paramref name="iin"/> in <paramref name="tin"/>, its row locked; 404 for a non-member, EMP-04 for a head.</summary>
    public static async Task<string> LockEmployeeAsync(NpgsqlConnection connection, string tin, string iin, CancellationToken ct)
    {
        var profile = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT business_profile_type FROM user_enterprises WHERE tin = @Tin AND login = @Iin FOR UPDATE", new { Tin = tin, Iin = iin },
            cancellationToken: ct)) ?? throw NotAMember(iin);
        return EmployeeProfiles.IsEmployee(profile)
            ? profile
            : throw new RuleRefusal(EsfFaultKind.Conflict, Domain.Rules.EmployeeRules.OnlyHeadManagesPeople,
                $"{iin} — руководитель ({profile}), а не сотрудник");
    }

    /// <summary>EMP-05 unless <paramref name="iin"/> is a user of ИС ЭСФ (anyone may become an employee or a head only once registered).</summary>
    public static async Task RequireRegisteredUserAsync(NpgsqlConnection connection, string iin, CancellationToken ct)
    {
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM users WHERE login = @Iin)", new { Iin = iin }, cancellationToken: ct)))
        {
            throw new RuleRefusal(EsfFaultKind.NotFound, Domain.Rules.EmployeeRules.EmployeeMustBeRegisteredUser, iin);
        }
    }

    public static Task RecordAsync(NpgsqlConnection connection, string tin, string iin, string action, string? detail, string actor,
        DateTimeOffset at, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO employee_history (tin, login, action, detail, actor, at) VALUES (@Tin, @Iin, @Action, @Detail, @Actor, @At)
            """, new { Tin = tin, Iin = iin, Action = action, Detail = detail, Actor = actor, At = at }, cancellationToken: ct));

    public static EsfException NotAMember(string iin) => EsfException.NotFound($"{iin} не является сотрудником предприятия (not an employee of the enterprise).");

    private sealed record PersonRow(
        string Iin, string? FirstName, string? LastName, string BusinessProfileType, bool Blocked, DateTime? BlockedAt, string? EnrolledBy);
}
