namespace Esf.Domain.Waybills;

/// <summary>The wire values of the waybill's type and movement in SntV1 (the words of the real API's SNT error codes).</summary>
public static class WaybillTypeNames
{
    public const string Primary = "PRIMARY_SNT";
    public const string Corrected = "FIXED_SNT";
    public const string Return = "RETURNED_SNT";
    public const string Import = "IMPORT";
    public const string TemporaryImport = "TEMPORARY_IMPORT";
    public const string Export = "EXPORT";

    /// <summary>Вид транспорта «f. Мультимодальный» (39.1).</summary>
    public const string Multimodal = "MULTIMODAL";

    public static WaybillType? ParseType(string? wire) => wire switch
    {
        Primary => WaybillType.Primary,
        Corrected => WaybillType.Corrected,
        Return => WaybillType.Return,
        _ => null,
    };

    public static string ToWire(WaybillType type) => type switch
    {
        WaybillType.Corrected => Corrected,
        WaybillType.Return => Return,
        _ => Primary,
    };

    public static WaybillMovement MovementOf(string? importType, string? exportType) => (importType, exportType) switch
    {
        (Import, _) => WaybillMovement.Import,
        (TemporaryImport, _) => WaybillMovement.TemporaryImport,
        (_, Export) => WaybillMovement.Export,
        _ => WaybillMovement.Domestic,
    };
}
