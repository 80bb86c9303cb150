using System.Globalization;
using Esf.Domain.Rules;

namespace Esf.Domain.Warehouse;

/// <summary>
/// One column a document line (an invoice line, a waybill line) must carry exactly as the goods line it names has it: the rule that
/// judges the column, the line's field, the value the line carries and the goods line's value. A struct, and the field's property
/// path made only for a column that differs: a line that matches its goods line (the common case) costs no allocation here.
/// </summary>
public readonly record struct GoodsColumn(RuleDefinition Rule, string Field, string? Actual, string? Expected)
{
    /// <summary>One violation per column that differs after trimming (empty counts as absent), naming the line (1-based) and both values.</summary>
    /// <param name="index">The line's 0-based index in its document.</param>
    /// <param name="path">The property path of a field of the line at an index (<c>Paths.Product</c>).</param>
    public static IReadOnlyList<RuleViolation> Differing(ReadOnlySpan<GoodsColumn> columns, int index, Func<int, string, string> path)
    {
        List<RuleViolation>? violations = null;
        foreach (var c in columns)
        {
            if (!Same(c.Actual, c.Expected))
            {
                (violations ??= []).Add(c.Rule.Violation(path(index, c.Field), string.Create(CultureInfo.InvariantCulture,
                    $"строка {index + 1}: «{c.Actual?.Trim()}», на складе «{c.Expected}»")));
            }
        }

        return violations ?? (IReadOnlyList<RuleViolation>)[];
    }

    /// <summary>The line's value trimmed (without a copy) against the goods line's; absent and empty are the same.</summary>
    private static bool Same(string? actual, string? expected) => actual.AsSpan().Trim().Equals(expected, StringComparison.Ordinal);
}
