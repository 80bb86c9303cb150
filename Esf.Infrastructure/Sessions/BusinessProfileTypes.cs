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
}
