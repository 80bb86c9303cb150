namespace Esf.Domain.Waybills;

/// <summary>
/// The units of measure each goods section of the СНТ allows (spec-snt §7, seed L3238–3276): sections G1 and G10 carry their
/// own unit code, G5 is not specified by the source; the others are fixed to these classifier codes.
/// </summary>
public static class WaybillUnits
{
    private static readonly Dictionary<int, string[]> BySection = new()
    {
        [2] = ["112"],
        [3] = ["112"],
        [4] = ["778", "868", "881", "991"],
        [6] = ["168", "112"],
        [7] = ["168", "112"],
        [8] = ["8751", "992", "5111", "796", "166", "111", "944", "945"],
        [9] = ["796"],
    };

    /// <summary>The allowed unit codes of a section, or null when any code is allowed (G1, G5, G10) or the section is unknown.</summary>
    public static IReadOnlyList<string>? AllowedIn(int section) => BySection.GetValueOrDefault(section);

    public static bool IsAllowed(int section, string? unitCode) => AllowedIn(section) is not { } allowed || allowed.Contains(unitCode);
}
