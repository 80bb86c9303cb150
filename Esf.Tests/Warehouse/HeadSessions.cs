using Esf.Domain.Employees;
using Esf.Infrastructure.Sessions;

namespace Esf.Tests.Warehouse;

/// <summary>Sessions of an enterprise's head (every right, ADR 0037), for scenarios that call the warehouse services directly.</summary>
public static class HeadSessions
{
    public static SessionContext Of(string tin) => new("head-of-" + tin, tin, tin, "ADMIN_ENTERPRISE", "") { Authority = EmployeeAuthority.Head };
}
