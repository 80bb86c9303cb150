namespace Esf.Domain.Warehouse;

/// <summary>The wire names of <see cref="WarehouseKind"/> (REST) and their Russian labels (the journal «Склады»).</summary>
public static class WarehouseKindNames
{
    private static readonly IReadOnlyDictionary<WarehouseKind, (string Code, string Label)> Names = new Dictionary<WarehouseKind, (string, string)>
    {
        [WarehouseKind.Warehouse] = ("WAREHOUSE", "Склад"),
        [WarehouseKind.SalesPoint] = ("SALES_POINT", "Точка продаж"),
    };

    public static IReadOnlyList<string> Codes { get; } = [.. Names.Values.Select(n => n.Code)];

    public static string Code(WarehouseKind kind) => Names[kind].Code;

    public static string Label(WarehouseKind kind) => Names[kind].Label;

    /// <summary>Reads a code (<c>SALES_POINT</c>) or the Russian label (<c>Точка продаж</c>).</summary>
    public static bool TryParse(string? text, out WarehouseKind kind)
    {
        foreach (var (k, (code, label)) in Names)
        {
            if (string.Equals(text, code, StringComparison.Ordinal) || string.Equals(text, label, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
