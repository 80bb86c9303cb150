using Esf.Domain.Invoices.Document;
using static Esf.Domain.Rules.Document.Define;

namespace Esf.Domain.Rules.Document;

/// <summary>
/// Section G arithmetic. Line formulas: G8 = G6 × G7, G11 = G8 + G10, G13 = G11 × G12 / 100, G14 = G11 + G13; totals are sums of the lines.
/// Rounding is half away from zero to 2 places; tolerances are stated per rule.
/// </summary>
public static class ArithmeticRules
{
    /// <summary>A cent: the smallest amount a 2-decimal field can be off by after rounding.</summary>
    public const decimal Cent = 0.01m;

    /// <summary>The formulas' amounts by element name, in the order <see cref="BrokenFormulaBits"/> numbers them.</summary>
    private static readonly string[] FormulaFields = ["priceWithoutTax", "turnoverSize", "ndsAmount", "priceWithTax"];

    // Every line of every upload: the formulas are asked without an iterator or the line's amounts copied into one, and only a
    // line that breaks one is enumerated (issue 17: ≈ 5 KB per invoice of ten lines before). The lease exemptions are looked at
    // only for a formula a line breaks (an Except built a set per line of every uploaded invoice).
    private static IEnumerable<string> LineErrors(InvoiceBody b)
    {
        var lines = b.ProductSet.Products;
        for (var i = 0; i < lines.Count; i++)
        {
            var p = lines[i];
            var broken = BrokenFormulaBits(new LineAmounts(p.Quantity, p.UnitPrice, p.PriceWithoutTax, p.ExciseAmount, p.TurnoverSize,
                p.NdsRate, p.NdsAmount, p.PriceWithTax));
            if (broken == 0)
            {
                continue;
            }

            foreach (var field in Fields(broken))
            {
                if (!FinancialLease.ExemptFormulas(b, p).Contains(field))
                {
                    yield return Paths.Product(i, field);
                }
            }
        }
    }

    /// <summary>
    /// The amounts of a line that break the formulas, by element name (<c>priceWithoutTax</c>, <c>turnoverSize</c>, <c>ndsAmount</c>,
    /// <c>priceWithTax</c>): the invoice's G-06 and the waybill's SNT-F16 check the same formulas with the same tolerances.
    /// </summary>
    public static IEnumerable<string> BrokenFormulas(LineAmounts a) => Fields(BrokenFormulaBits(a));

    /// <summary>The broken formulas as bits, bit n for <see cref="FormulaFields"/>[n].</summary>
    private static int BrokenFormulaBits(in LineAmounts a)
    {
        var broken = 0;
        if (a.Quantity is { } q && a.UnitPrice is { } price && a.PriceWithoutTax is { } g8
            && Math.Abs(g8 - Math.Round(q * price, 2, MidpointRounding.AwayFromZero)) > Math.Max(Cent, Math.Abs(q) * 0.005m))
        {
            broken |= 1;
        }

        if (a.PriceWithoutTax is { } withoutTax && a.TurnoverSize is { } g11 && g11 != withoutTax + (a.ExciseAmount ?? 0m))
        {
            broken |= 2;
        }

        if (a.NdsRate is { } rate && a.TurnoverSize is { } turnover && a.NdsAmount is { } vat
            && Math.Abs(vat - Math.Round(turnover * rate / 100m, 2, MidpointRounding.AwayFromZero)) > Cent)
        {
            broken |= 4;
        }

        if (a.TurnoverSize is { } size && a.NdsAmount is { } nds && a.PriceWithTax is { } g14 && g14 != size + nds)
        {
            broken |= 8;
        }

        return broken;
    }

    private static IEnumerable<string> Fields(int broken)
    {
        for (var f = 0; f < FormulaFields.Length; f++)
        {
            if ((broken & (1 << f)) != 0)
            {
                yield return FormulaFields[f];
            }
        }
    }

    private static IEnumerable<string> TotalErrors(ProductSet s)
    {
        var lines = s.Products;
        (decimal? Total, decimal Sum, string Field)[] totals =
        [
            (s.TotalPriceWithoutTax, lines.Sum(p => p.PriceWithoutTax ?? 0m), "totalPriceWithoutTax"),
            (s.TotalExciseAmount, lines.Sum(p => p.ExciseAmount ?? 0m), "totalExciseAmount"),
            (s.TotalTurnoverSize, lines.Sum(p => p.TurnoverSize ?? 0m), "totalTurnoverSize"),
            (s.TotalNdsAmount, lines.Sum(p => p.NdsAmount ?? 0m), "totalNdsAmount"),
            (s.TotalPriceWithTax, lines.Sum(p => p.PriceWithTax ?? 0m), "totalPriceWithTax"),
        ];
        return totals.Where(t => t.Total is { } total && total != t.Sum).Select(t => $"productSet.{t.Field}");
    }

    public static IReadOnlyList<IDocumentRule> All { get; } =
    [
        Doc("G-06", "WRONG_SUM",
            "Суммы строки раздела G не соответствуют формулам: G8 = G6 × G7, G11 = G8 + G10, G13 = G11 × G12 / 100, G14 = G11 + G13",
            "The line amounts of section G do not match the formulas G8 = G6 × G7, G11 = G8 + G10, G13 = G11 × G12 / 100, G14 = G11 + G13",
            "spec-invoice §5.9 and §3.G.3, L1503–1530; Rules L6193–6213",
            ["productSet.products.product[].quantity", "productSet.products.product[].unitPrice", "productSet.products.product[].priceWithoutTax",
             "productSet.products.product[].exciseAmount", "productSet.products.product[].turnoverSize", "productSet.products.product[].ndsRate",
             "productSet.products.product[].ndsAmount", "productSet.products.product[].priceWithTax"],
            LineErrors,
            "The XML has no «direction» or «method» field (G-04, G-05), so every line is checked. Both directions produce values within the " +
            "tolerances: G8 within a cent or half a cent per unit of G6 (a unit price rounded to 2 places, or computed back from G8), G13 within " +
            "a cent of G11 × rate / 100 rounded half away from zero (the reverse formula G14 × r / (100 + r) lands there), G11 and G14 exact sums. " +
            "Excise (G10) is part of the turnover (Tax Code art. 381). A line without G6 or G7 (services) skips the first formula. " +
            "A financial-lease invoice (seller «Лизингодатель», Rules p.97–98) carries the periodic payment in G14, so its lines skip G14 = G11 + G13; " +
            "a subsequent lease line (origin 6) gives no G8 (sent as 0, the XSD requires the element) and also skips G11 = G8 + G10."),
        Doc("G-33", "NDS_RATE_INCORRECT", "При ставке «Без НДС» сумма НДС (G13) должна быть равна нулю",
            "With the rate «without VAT» the VAT amount (G13) must be zero", "spec-invoice §5.9, L1737",
            ["productSet.products.product[].ndsRate", "productSet.products.product[].ndsAmount"],
            b => BrokenLines(b, static (_, p) => p.NdsRate is null && p.NdsAmount is { } v && v != 0m, "ndsAmount"),
            "«Без НДС» is an absent ndsRate. ndsAmount is mandatory in the XSD, so the conditional mandate reads as: zero without a rate."),
        Doc("G-43", "WRONG_SUM", "Итоговые суммы раздела G должны быть равны суммам по строкам",
            "The totals of section G must equal the sums of the lines", "Rules L6213 (the totals row); our id — the manual has no number for it",
            ["productSet.totalPriceWithoutTax", "productSet.totalExciseAmount", "productSet.totalTurnoverSize", "productSet.totalNdsAmount",
             "productSet.totalPriceWithTax"],
            b => TotalErrors(b.ProductSet),
            "Totals are exact sums (no tolerance): they add 2-decimal amounts."),
    ];
}
