using Esf.Domain.Rules;
using Esf.Domain.Waybills;

namespace Esf.Domain.Warehouse;

/// <summary>One line of a matching: the waybill line (G1 «section/position») and the ФНО 328.00 position it came in by.</summary>
public sealed record FnoMatchLine(int Section, int Position, string FnoNumber, int FnoPosition)
{
    public string LineKey => $"{Section}/{Position}";
}

/// <summary>A ФНО 328.00 position of the importer as the matching judges it: its goods, its quantity and what earlier matchings took of it.</summary>
public sealed record FnoPositionFacts(string Number, int Position, string TnvedCode, string Unit, decimal Quantity, decimal Matched);

/// <summary>
/// «Сопоставление первичной импортной СНТ с ФНО 328.00» (seed 001 L2500–2513): before the imported goods are sold, each line of
/// origin «1» or «2» of a primary import waybill is paired with the position of the importer's application for import of goods
/// and payment of indirect taxes (ФНО 328.00) it was declared in, which G15 and G16 of the invoices selling it then name.
/// </summary>
public static class FnoMatching
{
    /// <summary>The statuses of a registered waybill in force: only such a waybill is matched (VS-30), and only its matching counts (VS-46).</summary>
    public static IReadOnlySet<WaybillStatus> Registered { get; } =
        new HashSet<WaybillStatus> { WaybillStatus.NotViewed, WaybillStatus.Delivered, WaybillStatus.Confirmed, WaybillStatus.ConfirmedByOgd };

    /// <summary>The origins whose invoice G15/G16 name the import application (Rules p.56, p.70–71).</summary>
    public static bool IsImported(string? truOriginCode) => truOriginCode is "1" or "2";

    /// <returns>Every broken rule of VS-30 … VS-36; none: the matching may be stored.</returns>
    public static IReadOnlyList<RuleViolation> Check(WaybillDocument waybill, WaybillStatus status, bool alreadyMatched,
        IReadOnlyList<FnoMatchLine> lines, IReadOnlyDictionary<(string Number, int Position), FnoPositionFacts> positions)
    {
        if (waybill.Type != WaybillType.Primary || waybill.Movement != WaybillMovement.Import || !Registered.Contains(status))
        {
            return [WaybillWarehouseRules.MatchingNeedsPrimaryImportWaybill.Violation("id")];
        }

        if (alreadyMatched)
        {
            return [WaybillWarehouseRules.WaybillMatchedOnce.Violation("id")];
        }

        var imported = waybill.Body.ProductSet.Products.Where(p => IsImported(p.TruOriginCode)).ToDictionary(p => p.Key);
        var left = positions.ToDictionary(p => p.Key, p => p.Value.Quantity - p.Value.Matched);
        var seen = new HashSet<string>();
        var violations = new List<RuleViolation>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var property = $"lines[{i}]";
            var key = (line.FnoNumber, line.FnoPosition);
            if (!imported.TryGetValue(line.LineKey, out var product) || !seen.Add(line.LineKey))
            {
                violations.Add(WaybillWarehouseRules.MatchedLineMustBeImportedOnce.Violation(property, line.LineKey));
            }
            else if (!positions.TryGetValue(key, out var position))
            {
                violations.Add(WaybillWarehouseRules.FnoPositionMustBeImporters.Violation(property, $"{line.FnoNumber} / {line.FnoPosition}"));
            }
            else if (position.TnvedCode != product.TnvedCode || position.Unit != product.MeasureUnitCode)
            {
                violations.Add(WaybillWarehouseRules.FnoPositionMustBeSameGoods.Violation(property,
                    $"{product.TnvedCode} {product.MeasureUnitCode} ≠ {position.TnvedCode} {position.Unit}"));
            }
            else if ((left[key] -= product.Quantity ?? 0m) < 0)
            {
                violations.Add(WaybillWarehouseRules.FnoPositionMustCoverQuantity.Violation(property, $"{line.FnoNumber} / {line.FnoPosition}"));
            }
        }

        violations.AddRange(imported.Keys.Where(k => !seen.Contains(k)).Select(k => WaybillWarehouseRules.EveryImportedLineMatched.Violation("lines", k)));
        return violations;
    }
}
