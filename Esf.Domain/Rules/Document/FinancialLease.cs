using Esf.Domain.Invoices.Document;

namespace Esf.Domain.Rules.Document;

/// <summary>
/// Финансовый лизинг (Rules p.97–98). An invoice says it is a lease one by its seller's category «Лизингодатель» (B 10 «D», B-11 pairs
/// it with the customer's «Лизингополучатель»); the XML has no other marker. Its lines depart from the section G formulas:
/// the first lease ESF (origin 1–5) has G8 = the sum of all lease payments and G14 = the periodic payment, so G14 ≠ G11 + G13;
/// a subsequent one (origin 6) gives neither G6 nor G8 (G7 goes with them) and G14 is again the periodic payment.
/// </summary>
public static class FinancialLease
{
    /// <summary>The amounts of a subsequent lease line that are not given; G8 is required by the XSD, so 0 stands for «не указывается».</summary>
    private static readonly string[] OmittedOnSubsequentLines = ["quantity", "unitPrice", "priceWithoutTax"];

    public static bool IsLease(this InvoiceBody body) => body.AnySeller(Categories.Lessor);

    /// <summary>A line of a subsequent lease ESF (p.98): origin 6 on a lessor's invoice.</summary>
    public static bool IsSubsequentLeaseLine(this InvoiceBody body, Product line) => body.IsLease() && line.OriginIn("6");

    /// <summary>Whether <paramref name="field"/> of <paramref name="line"/> may be left out because p.98 leaves it out.</summary>
    public static bool Omits(InvoiceBody body, Product line, string field) =>
        body.IsSubsequentLeaseLine(line) && OmittedOnSubsequentLines.Contains(field);

    /// <summary>
    /// The G-06 formulas (by the field they compute) that a lease line does not follow: G14 on every lease line, and G11 = G8 + G10 on a
    /// subsequent one, whose G8 is not given.
    /// </summary>
    public static IEnumerable<string> ExemptFormulas(InvoiceBody body, Product line) =>
        !body.IsLease() ? [] : body.IsSubsequentLeaseLine(line) ? ["turnoverSize", "priceWithTax"] : ["priceWithTax"];
}
