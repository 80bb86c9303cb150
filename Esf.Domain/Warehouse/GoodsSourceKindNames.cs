namespace Esf.Domain.Warehouse;

/// <summary>The wire names of <see cref="GoodsSourceKind"/>.</summary>
public static class GoodsSourceKindNames
{
    private static readonly IReadOnlyDictionary<GoodsSourceKind, string> Names = new Dictionary<GoodsSourceKind, string>
    {
        [GoodsSourceKind.CustomsDeclaration] = "DT",
        [GoodsSourceKind.ImportApplication] = "FNO_328",
        [GoodsSourceKind.OriginCertificateKz] = "ST_KZ",
        [GoodsSourceKind.OriginCertificateSt1] = "ST_1",
    };

    public static IReadOnlyList<string> Codes { get; } = [.. Names.Values];

    public static string Code(GoodsSourceKind kind) => Names[kind];

    public static bool TryParse(string? text, out GoodsSourceKind kind)
    {
        kind = Names.FirstOrDefault(n => string.Equals(n.Value, text, StringComparison.Ordinal)).Key;
        return kind != default;
    }
}
