namespace Esf.Infrastructure.Employees;

/// <summary>
/// Which business profiles are employees (уполномоченные лица: USER, ENTREPRENEUR_USER, LAWYER_USER…, PROJECT_USER), acting by the
/// rights their head grants, and which employee profile a new member of an enterprise gets from the head's profile.
/// </summary>
public static class EmployeeProfiles
{
    public static bool IsEmployee(string businessProfileType) => businessProfileType.EndsWith("USER", StringComparison.Ordinal);

    /// <summary>The employee profile under a head: ADMIN_ENTERPRISE → USER, ENTREPRENEUR → ENTREPRENEUR_USER.</summary>
    public static string UnderHead(string headProfile) => headProfile == "ENTREPRENEUR" ? "ENTREPRENEUR_USER" : "USER";
}
