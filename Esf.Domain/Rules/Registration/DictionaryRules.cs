using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules.Document;
using static Esf.Domain.Rules.Document.Define;

namespace Esf.Domain.Rules.Registration;

/// <summary>
/// Codes the manual takes from a dictionary (countries «Страна», currencies) checked against the imported dictionaries.
/// An empty dictionary (not imported) cannot decide: the view answers null and the rules pass, like G-30 and A-08.
/// </summary>
public static class DictionaryRules
{
    private const string EmptyPasses = "A code is checked only when the dictionary holds at least one entry; an empty (not imported) dictionary passes. " +
        "The document rules check the shape and the cases where the code is fixed (\"KZ\", \"KZT\").";

    private static bool IsUnknownCountry(RegistrationContext c, string? code) => !code.IsBlank() && c.Registry.IsKnownCountry(code!.Trim()) == false;

    public static IReadOnlyList<IRegistrationRule> All { get; } =
    [
        Reg("DIC-01", "INVALID_SELLER_COUNTRY_CODE", "Код страны поставщика (8.1) отсутствует в справочнике «Страна»",
            "The supplier's country code (8.1) is not in the dictionary «Страна»", "esf-api-facts §11 (SellerV2.countryCode, B 8.1), spec-invoice §5.3; our id",
            ["sellers.seller[].countryCode"],
            c => Broken(c.Document.Body.Sellers, s => IsUnknownCountry(c, s.CountryCode), static i => Paths.Seller(i, "countryCode")), EmptyPasses),
        Reg("DIC-02", "INVALID_CUSTOMER_COUNTRY_CODE", "Код страны получателя (18.1) отсутствует в справочнике «Страна»",
            "The customer's country code (18.1) is not in the dictionary «Страна»", "spec-invoice §5.4, L921–939 (C-09: «the value comes from the dictionary «Страна»»); our id",
            ["customers.customer[].countryCode"],
            c => Broken(c.Document.Body.Customers, x => IsUnknownCountry(c, x.CountryCode), static i => Paths.Customer(i, "countryCode")), EmptyPasses),
        Reg("DIC-03", "INVALID_CONSIGNEE_COUNTRY_CODE", "Код страны грузополучателя (26.4) отсутствует в справочнике «Страна»",
            "The consignee's country code (26.4) is not in the dictionary «Страна»", "spec-invoice §5.6, L1253–1270 (D-05); our id",
            ["consignee.countryCode"],
            c => When(IsUnknownCountry(c, c.Document.Body.Consignee?.CountryCode), "consignee.countryCode"), EmptyPasses),
        Reg("DIC-04", "INVALID_CURRENCY_CODE", "Код валюты (33.1) отсутствует в справочнике валют",
            "The currency code (33.1) is not in the currency dictionary", "spec-invoice §5.9, L1465–1480 (G-02: «the currency comes from the dictionary»); our id",
            ["productSet.currencyCode"],
            c => When(c.Document.Body.ProductSet.CurrencyCode is { Length: > 0 } code && c.Registry.IsKnownCurrency(code.Trim()) == false,
                "productSet.currencyCode"), EmptyPasses),
    ];
}
