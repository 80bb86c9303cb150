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
    /// <summary>
    /// The two columns <c>Blocked</c> and <c>Rights</c> for the membership of <c>{alias}.login</c> in <c>{alias}.tin</c>. The
    /// subqueries' own aliases are long so that no caller's <paramref name="alias"/> (an "e" for user_enterprises, say) is hidden
    /// by them, which would make a subquery match every membership.
    /// </summary>
    public static string For(string alias) => $"""
        (SELECT authority_member.blocked_at IS NOT NULL OR authority_user.status <> 'ACTIVE'
         FROM user_enterprises authority_member JOIN users authority_user ON authority_user.login = authority_member.login
         WHERE authority_member.login = {alias}.login AND authority_member.tin = {alias}.tin) AS Blocked,
        (SELECT string_agg(authority_right.right_name || '|' || to_char(authority_right.valid_from, 'YYYY-MM-DD') || '|'
                           || coalesce(to_char(authority_right.valid_to, 'YYYY-MM-DD'), ''), ',')
         FROM employee_rights authority_right WHERE authority_right.login = {alias}.login AND authority_right.tin = {alias}.tin) AS Rights
        """;

    /// <summary>
    /// The caller's authority today; <see cref="EmployeeRules.UserMustNotBeBlocked"/> for a blocked member or one whose
    /// membership was removed (<paramref name="blocked"/> null).
    /// </summary>
    public static EmployeeAuthority Authority(string profile, bool? blocked, string? rights, DateOnly today) =>
        AuthorityOrNone(profile, blocked, rights, today)
        ?? throw new RuleRefusal(EsfFaultKind.AccessDenied, EmployeeRules.UserMustNotBeBlocked, "доступ к предприятию закрыт");

    /// <summary>
    /// The member's authority today, or none for a blocked member or one whose membership was removed (<paramref name="blocked"/>
    /// null): for a judgement about someone who is not the caller, e.g. a form's signer (<see cref="Warehouse.WarehouseFormSigners"/>).
    /// </summary>
    public static EmployeeAuthority? AuthorityOrNone(string profile, bool? blocked, string? rights, DateOnly today) => blocked is false
        ? EmployeeProfiles.IsEmployee(profile) ? EmployeeAuthority.Employee(Parse(rights), today) : EmployeeAuthority.Head
        : null;

    private static IEnumerable<RightTerm> Parse(string? rights) =>
        (rights ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(text => text.Split('|')).Select(parts => new RightTerm(
            EmployeeRights.FromWire(parts[0]) ?? throw new InvalidOperationException($"Unknown right {parts[0]} in employee_rights"),
            Day(parts[1]), parts[2].Length == 0 ? null : Day(parts[2])));

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
