namespace Esf.Infrastructure.Sessions;

/// <summary>businessProfileType of the real API, in WSDL order (esf-api-facts §9.10).</summary>
public static class BusinessProfileTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        "ADMIN_ENTERPRISE", "USER", "ENTREPRENEUR", "ENTREPRENEUR_USER", "INDIVIDUAL", "LAWYER", "BAILIFF", "MEDIATOR", "NOTARY",
        "LAWYER_USER", "BAILIFF_USER", "MEDIATOR_USER", "NOTARY_USER", "PROJECT_ADMIN", "PROJECT_USER",
    ];

    public static bool IsKnown(string value) => All.Contains(value, StringComparer.Ordinal);

    /// <summary>The heads of an enterprise: the head of an entity and an entrepreneur (facts §9.10); they give powers of attorney and manage API keys.</summary>
    public static bool IsHead(string businessProfileType) => businessProfileType is "ADMIN_ENTERPRISE" or "ENTREPRENEUR";

    /// <summary>
    /// profileType (esf-api-facts §9.11): PROJECT for a project's head or user (PROJECT_ADMIN, PROJECT_USER), GENERAL otherwise;
    /// the live answer of §3.8 lists INDIVIDUAL and ENTREPRENEUR as GENERAL and PROJECT_ADMIN as PROJECT.
    /// </summary>
    public static string ProfileTypeOf(string businessProfileType) =>
        businessProfileType is "PROJECT_ADMIN" or "PROJECT_USER" ? "PROJECT" : "GENERAL";
}
