using System.Globalization;
using Esf.Domain.Employees;
using Esf.Domain.Rules;
using Esf.Infrastructure.Errors;
using Esf.Infrastructure.Sessions;

namespace Esf.Infrastructure.Employees;

/// <summary>
/// Loads what a caller may do together with its session or API key, in the same statement: whether its membership is blocked
/// (or gone) and its rights with their terms. The terms are judged after the enterprise's world is named, on its day.
/// </summary>
internal static class EmployeeAuthorityColumns
{
    /// <summary>The two columns <c>Blocked</c> and <c>Rights</c> for the membership of <c>{alias}.login</c> in <c>{alias}.tin</c>.</summary>
    public static string For(string alias) => $"""
        (SELECT e.blocked_at IS NOT NULL OR u.status <> 'ACTIVE' FROM user_enterprises e JOIN users u ON u.login = e.login
         WHERE e.login = {alias}.login AND e.tin = {alias}.tin) AS Blocked,
        (SELECT string_agg(r.right_name || '|' || to_char(r.valid_from, 'YYYY-MM-DD') || '|' || coalesce(to_char(r.valid_to, 'YYYY-MM-DD'), ''), ',')
         FROM employee_rights r WHERE r.login = {alias}.login AND r.tin = {alias}.tin) AS Rights
        """;

    /// <summary>
    /// The caller's authority today; <see cref="EmployeeRules.UserMustNotBeBlocked"/> for a blocked member or one whose
    /// membership was removed (<paramref name="blocked"/> null).
    /// </summary>
    public static EmployeeAuthority Authority(string profile, bool? blocked, string? rights, DateOnly today)
    {
        if (blocked is not false)
        {
            throw new RuleRefusal(EsfFaultKind.AccessDenied, EmployeeRules.UserMustNotBeBlocked, "доступ к предприятию закрыт");
        }

        return EmployeeProfiles.IsEmployee(profile) ? EmployeeAuthority.Employee(Parse(rights), today) : EmployeeAuthority.Head;
    }

    private static IEnumerable<RightTerm> Parse(string? rights) =>
        (rights ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(text => text.Split('|')).Select(parts => new RightTerm(
            EmployeeRights.FromWire(parts[0]) ?? throw new InvalidOperationException($"Unknown right {parts[0]} in employee_rights"),
            Day(parts[1]), parts[2].Length == 0 ? null : Day(parts[2])));

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
