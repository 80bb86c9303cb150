using System.Globalization;
using Esf.Domain.Rules;

namespace Esf.Domain.Warehouse;

/// <summary>
/// One column a document line (an invoice line, a waybill line) must carry exactly as the goods line it names has it: the rule that
/// judges the column, the property path of the line's field, the value the line carries and the goods line's value.
/// </summary>
public sealed record GoodsColumn(RuleDefinition Rule, string Path, string? Actual, string? Expected)
{
    /// <summary>One violation per column that differs after trimming (empty counts as absent), naming the line (1-based) and both values.</summary>
    /// <param name="index">The line's 0-based index in its document.</param>
    public static IEnumerable<RuleViolation> Differing(IEnumerable<GoodsColumn> columns, int index) =>
        columns.Where(c => !Same(c.Actual, c.Expected))
            .Select(c => c.Rule.Violation(c.Path, string.Create(CultureInfo.InvariantCulture,
                $"строка {index + 1}: «{c.Actual?.Trim()}», на складе «{c.Expected}»")));

    private static bool Same(string? actual, string? expected) =>
        string.Equals(actual?.Trim() is { Length: > 0 } a ? a : null, expected is { Length: > 0 } e ? e : null, StringComparison.Ordinal);
}
