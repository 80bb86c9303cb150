namespace Esf.Infrastructure;

/// <summary>The one parser of <c>Esf:Roles</c>: a comma-separated list of <c>gateway</c> and <c>worker</c>, any case.</summary>
public static class EsfRoleNames
{
    public const string Gateway = "gateway";
    public const string Worker = "worker";

    /// <summary>False when the list is empty or names anything but gateway and worker.</summary>
    public static bool TryParse(string? text, out EsfRoles roles)
    {
        roles = EsfRoles.None;
        foreach (var name in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (name.Equals(Gateway, StringComparison.OrdinalIgnoreCase))
            {
                roles |= EsfRoles.Gateway;
            }
            else if (name.Equals(Worker, StringComparison.OrdinalIgnoreCase))
            {
                roles |= EsfRoles.Worker;
            }
            else
            {
                roles = EsfRoles.None;
                return false;
            }
        }

        return roles != EsfRoles.None;
    }
}
