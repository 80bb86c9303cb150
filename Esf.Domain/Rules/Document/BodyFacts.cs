using System.Globalization;
using Esf.Domain.Invoices.Document;

namespace Esf.Domain.Rules.Document;

/// <summary>Derived facts about a body that several rules share.</summary>
public static class BodyFacts
{
    public const string Kzt = "KZT";
    public const string Kz = "KZ";
    public const string NationalBankBin = "941240001151";
    public const string WithoutVatNotKz = "WITHOUT_NDS_NOT_KZ";

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    // Spans and loops, no array, closure or delegate per call (the lambdas are static): these run inside rules, for every invoice (issue 17).
    public static bool AnySeller(this InvoiceBody body, params ReadOnlySpan<string> statuses) =>
        AnyHas(body.Sellers, statuses, static (seller, status) => seller.Has(status));

    public static bool AnyCustomer(this InvoiceBody body, params ReadOnlySpan<string> statuses) =>
        AnyHas(body.Customers, statuses, static (customer, status) => customer.Has(status));

    private static bool AnyHas<TParty>(List<TParty> parties, ReadOnlySpan<string> statuses, Func<TParty, string, bool> has)
    {
        foreach (var party in parties)
        {
            foreach (var status in statuses)
            {
                if (has(party, status))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool IsAdditional(this InvoiceBody body) => body.InvoiceType == "ADDITIONAL_INVOICE";

    public static bool IsFixed(this InvoiceBody body) => body.InvoiceType == "FIXED_INVOICE";

    public static bool IsBlank(this string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>Decimal places as written (the scale a decimal keeps from its text).</summary>
    public static int Scale(this decimal value) => value.Scale;

    public static bool ScaleAbove(this decimal? value, int places) => value is { } v && v.Scale() > places && v != Math.Round(v, places);

    /// <summary>G2 (truOriginCode) of a line is one of <paramref name="codes"/>.</summary>
    public static bool OriginIn(this Product product, params ReadOnlySpan<string> codes) => codes.Contains(product.TruOriginCode);

    public static IEnumerable<(Product Product, int Index)> Lines(this InvoiceBody body) => body.ProductSet.Products.Select((p, i) => (p, i));
}
