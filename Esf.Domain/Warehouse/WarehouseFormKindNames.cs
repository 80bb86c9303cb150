namespace Esf.Domain.Warehouse;

/// <summary>The wire names of <see cref="WarehouseFormKind"/> and their Russian labels (the journal's «Тип формы»).</summary>
public static class WarehouseFormKindNames
{
    private static readonly IReadOnlyDictionary<WarehouseFormKind, (string Code, string Label)> Names =
        new Dictionary<WarehouseFormKind, (string, string)>
        {
            [WarehouseFormKind.Remains] = ("REMAINS", "Остатки"),
            [WarehouseFormKind.Production] = ("PRODUCTION", "Производство"),
            [WarehouseFormKind.Reorganization] = ("REORGANIZATION", "Реорганизация"),
            [WarehouseFormKind.WriteOff] = ("WRITE_OFF", "Списание"),
        };

    public static IReadOnlyList<string> Codes { get; } = [.. Names.Values.Select(n => n.Code)];

    public static string Code(WarehouseFormKind kind) => Names[kind].Code;

    public static string Label(WarehouseFormKind kind) => Names[kind].Label;

    public static bool TryParse(string? text, out WarehouseFormKind kind)
    {
        kind = Names.FirstOrDefault(n => n.Value.Code == text || n.Value.Label == text).Key;
        return kind != default;
    }

    /// <summary>Receipt forms name the goods and the warehouse; the others name goods lines already held.</summary>
    public static bool IsReceipt(WarehouseFormKind kind) => kind is WarehouseFormKind.Remains or WarehouseFormKind.Production;
}
