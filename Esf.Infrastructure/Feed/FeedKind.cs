namespace Esf.Infrastructure.Feed;

/// <summary>
/// The kind of document a feed event is about (ADR 0031): an invoice (ЭСФ), a waybill (СНТ), a movement of the virtual
/// warehouse (движение по виртуальному складу) or the verdict on a warehouse form (форма ВС: «Обработанный», «Ошибочный»).
/// All share one counter, so one cursor follows them all.
/// </summary>
public enum FeedKind
{
    Invoice,
    Waybill,
    Movement,
    WarehouseForm,
}

public static class FeedKinds
{
    /// <summary>What a reader that names no kinds gets: invoices only, so clients written before ADR 0031 see what they saw.</summary>
    public static readonly IReadOnlyList<FeedKind> Default = [FeedKind.Invoice];

    public static readonly IReadOnlyList<FeedKind> All = [FeedKind.Invoice, FeedKind.Waybill, FeedKind.Movement, FeedKind.WarehouseForm];

    public static string ToWire(this FeedKind kind) => kind switch
    {
        FeedKind.Invoice => "INVOICE",
        FeedKind.Waybill => "WAYBILL",
        FeedKind.Movement => "MOVEMENT",
        _ => "WAREHOUSE_FORM",
    };

    public static bool TryParse(string wire, out FeedKind kind)
    {
        var found = All.Where(k => string.Equals(k.ToWire(), wire.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        kind = found.FirstOrDefault();
        return found.Count == 1;
    }

    /// <summary>
    /// Reads <c>INVOICE,WAYBILL,MOVEMENT,WAREHOUSE_FORM</c> (any case, any subset); null or empty means <see cref="Default"/>.
    /// A null entry (JSON <c>"kinds": [null]</c>) is refused: it names no kind, and reading it as "none" would widen nothing silently.
    /// </summary>
    public static IReadOnlyList<FeedKind> Parse(IEnumerable<string?>? wire)
    {
        var names = (wire ?? []).SelectMany(w => (w ?? throw Errors.EsfException.InvalidInput($"kinds: an entry is null; name one of {Choices}."))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count == 0)
        {
            return Default;
        }

        return [.. names.Select(name => TryParse(name, out var kind)
            ? kind
            : throw Errors.EsfException.InvalidInput($"kinds: «{name}» is not {Choices}.")).Distinct().Order()];
    }

    private static string Choices => string.Join(", ", All.Select(k => k.ToWire()));
}
