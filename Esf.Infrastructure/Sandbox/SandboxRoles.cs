namespace Esf.Infrastructure.Sandbox;

/// <summary>The НУЦ РК holder roles a sandbox key can state (extended-key-usage OIDs, see NcaRoleOids), by wire name.</summary>
public static class SandboxRoles
{
    private const string LegalEntity = "1.2.398.3.3.4.1.2";

    private static readonly Dictionary<string, string[]> Oids = new(StringComparer.Ordinal)
    {
        ["INDIVIDUAL"] = ["1.2.398.3.3.4.1.1"],
        ["HEAD"] = [LegalEntity, "1.2.398.3.3.4.1.2.1"],
        ["SIGNING_RIGHT"] = [LegalEntity, "1.2.398.3.3.4.1.2.2"],
        ["FINANCIAL_SIGNING_RIGHT"] = [LegalEntity, "1.2.398.3.3.4.1.2.3"],
        ["HUMAN_RESOURCES"] = [LegalEntity, "1.2.398.3.3.4.1.2.4"],
        ["EMPLOYEE"] = [LegalEntity, "1.2.398.3.3.4.1.2.5"],
        ["INFORMATION_SYSTEM"] = [LegalEntity, "1.2.398.3.3.4.1.2.6"],
    };

    public static IReadOnlyCollection<string> Names => Oids.Keys;

    public static bool IsKnown(string? role) => role is null || Oids.ContainsKey(role);

    /// <summary>No role: a key judged by its subject alone, as keys of other CAs are.</summary>
    public static IEnumerable<string> OidsOf(string? role) => role is null ? [] : Oids[role];
}
