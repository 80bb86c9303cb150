using Esf.Domain.Invoices.Document;
using static Esf.Domain.Rules.Document.Categories;
using static Esf.Domain.Rules.Document.Define;

namespace Esf.Domain.Rules.Document;

/// <summary>Section G: presence and scale of the line fields, decided from the body alone. Arithmetic is in <see cref="ArithmeticRules"/>.</summary>
public static class SectionGRules
{
    private static DocumentRule Required(string id, string code, string field, string g, string name, string nameEn, string basis, string[] origins,
        string? decision = null)
    {
        Func<InvoiceBody, Product, bool> missing = (b, p) => p.OriginIn(origins) && IsMissing(p, field) && !FinancialLease.Omits(b, p, field);
        return Doc(id, code, $"Поле {g} «{name}» обязательно при признаке происхождения {string.Join(", ", origins)}",
            $"Field {g} ({nameEn}) is mandatory for origin {string.Join(", ", origins)}", basis,
            [$"productSet.products.product[].{field}", "productSet.products.product[].truOriginCode"],
            b => BrokenLines(b, missing, field),
            decision);
    }

    private static DocumentRule Scale(string id, string field, string g, string basis, Func<Product, decimal?> value)
    {
        Func<InvoiceBody, Product, bool> tooFine = (_, p) => value(p).ScaleAbove(2);
        return Doc(id, "FIELD_INVALID", $"Поле {g} допускает не более 2 знаков после запятой", $"Field {g} allows at most 2 decimal places", basis,
            [$"productSet.products.product[].{field}"],
            b => BrokenLines(b, tooFine, field));
    }

    private static DocumentRule Positive(string id, string field, string g, string basis, Func<Product, decimal?> value, bool zeroAllowed = false)
    {
        // A zero is the only value the lease exemption decides, so it is asked only then (not for every line).
        Func<InvoiceBody, Product, bool> notPositive = (b, p) =>
            value(p) is { } v && (v < 0 || (v == 0 && !zeroAllowed && !FinancialLease.Omits(b, p, field)));
        return Doc(id, "WRONG_SUM", zeroAllowed ? $"Поле {g} не может иметь отрицательное значение" : $"Значение поля {g} должно быть больше нуля",
            zeroAllowed ? $"Field {g} cannot be negative" : $"Field {g} must be positive", basis, [$"productSet.products.product[].{field}", "invoiceType"],
            b => b.IsAdditional() ? [] : BrokenLines(b, notPositive, field),
            "Additional invoices carry negative adjustments (returns, discounts), so the sign checks apply to main and corrected invoices only. " +
            "A zero stands for an amount a subsequent financial-lease line leaves out (Rules p.98: G6, G8).");
    }

    private static bool IsMissing(Product p, string field) => field switch
    {
        "description" => p.Description.IsBlank(),
        "tnvedName" => p.TnvedName.IsBlank(),
        "unitCode" => p.UnitCode.IsBlank(),
        "unitNomenclature" => p.UnitNomenclature.IsBlank(),
        "quantity" => p.Quantity is null,
        "productDeclaration" => p.ProductDeclaration.IsBlank(),
        "productNumberInDeclaration" => p.ProductNumberInDeclaration.IsBlank(),
        "unitPrice" => p.UnitPrice is null,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "no presence check for this field"),
    };

    public static IReadOnlyList<IDocumentRule> All { get; } =
    [
        Doc("G-01", "INVALID_CURRENCY_CODE", "Поле 33.1 «Код валюты» обязательно (трехбуквенный код)", "Field 33.1 (currency) is mandatory (3 letters)",
            "spec-invoice §5.9, L1465–1480", ["productSet.currencyCode"],
            b => When(b.ProductSet.CurrencyCode is not { Length: 3 } c || !c.All(char.IsAsciiLetterUpper), "productSet.currencyCode")),
        Doc("G-02", "INVALID_CURRENCY_CODE",
            "Валюта, отличная от KZT, допускается только для поставщика «Участник СРП», «Экспортер», «Международный перевозчик» или получателя «Участник СРП», «Нерезидент»",
            "A currency other than KZT is allowed only for a PSA participant, exporter or international carrier supplier, or a PSA participant or non-resident customer",
            "spec-invoice §5.9, L1469–1478", ["productSet.currencyCode", "sellers.seller[].statuses", "customers.customer[].statuses"],
            b => When(b.ProductSet.CurrencyCode is { } c && c != BodyFacts.Kzt && !b.AnySeller(SharingAgreement, Exporter, Transporter)
                && !b.AnyCustomer(SharingAgreement, NonResident), "productSet.currencyCode")),
        Doc("G-03", "CURRENCY_RATE_NOT_MATCH", "Курс валюты (33.2) обязателен и положителен для валюты, отличной от KZT, и не заполняется для KZT",
            "The exchange rate (33.2) is mandatory and positive for a currency other than KZT and absent for KZT", "spec-invoice §5.9, L1482–1491",
            ["productSet.currencyRate", "productSet.currencyCode"],
            b => When(b.ProductSet.CurrencyCode == BodyFacts.Kzt ? b.ProductSet.CurrencyRate is { } r && r != 1m
                : b.ProductSet.CurrencyRate is not > 0m, "productSet.currencyRate"),
            "The rate is editable (no equality with the National Bank rate); a rate of exactly 1 with KZT is tolerated because clients write it. " +
            "The National Bank rates registry (currency-rates) is imported but deliberately not compared: the manual (L1482–1491) only pre-fills " +
            "the rate from it and lets the sender edit it, so any positive rate is legal; DIC-04 checks the currency itself against its dictionary."),
        Doc("G-07", "FIELD_IS_NULL", "Раздел G должен содержать хотя бы одну строку, не более 200 строк", "Section G holds 1 to 200 lines",
            "spec-invoice §5.9, L1534–1541; XSD ProductShare.productNumber 1..200", ["productSet.products.product[]"],
            b => When(b.ProductSet.Products.Count is 0 or > 200, "productSet.products"),
            "G1 (row number) is the position of the line in the XML. The 200-line limit follows productNumber 1..200 of section H (facts §16)."),
        Doc("G-08", "INVALID_ORIGIN_CODE", "Поле G2 «Признак происхождения» обязательно, значение от 1 до 6", "Field G2 (origin) is mandatory, 1 to 6",
            "spec-invoice §5.9, L1543–1566", ["productSet.products.product[].truOriginCode"],
            b => BrokenLines(b, static (_, p) => !p.OriginIn("1", "2", "3", "4", "5", "6"), "truOriginCode")),
        Required("G-09", "FIELD_IS_NULL", "description", "G3", "Наименование товаров, работ, услуг", "name", "spec-invoice §5.9, L1574–1577", ["3", "4", "5", "6"]),
        Required("G-10", "FIELD_IS_NULL", "tnvedName", "G3/1", "Наименование товаров в соответствии с Декларацией на товары", "name per declaration",
            "spec-invoice §5.9, L1587–1590", ["1", "2"]),
        Required("G-11", "TNVED_CODE_CANT_BE_EMPTY", "unitCode", "G4", "Код товара (ТН ВЭД ЕАЭС)", "commodity code", "spec-invoice §5.9, L1596–1598", ["1", "2", "3"]),
        Required("G-17", "FIELD_IS_NULL", "unitNomenclature", "G5", "Ед. изм.", "unit of measure", "spec-invoice §5.9, L1627–1631", ["1", "2", "3", "4", "5"]),
        Required("G-18", "FIELD_IS_NULL", "quantity", "G6", "Кол-во (объем)", "quantity", "spec-invoice §5.9, L1637–1639", ["1", "2", "3", "4", "5"]),
        Positive("G-19", "quantity", "G6", "spec-invoice §5.9, L1641–1642", p => p.Quantity),
        Required("G-20", "FIELD_IS_NULL", "unitPrice", "G7", "Цена (тариф) за единицу", "unit price", "spec-invoice §5.9, L1651–1652",
            ["1", "2", "3", "4", "5", "6"],
            "Except on a subsequent financial-lease line (seller «Лизингодатель», origin 6): Rules p.98 leaves out G6 and G8 there, and G7, " +
            "their quotient, goes with them."),
        Positive("G-21", "unitPrice", "G7", "spec-invoice §5.9, L1654–1655", p => p.UnitPrice),
        Doc("G-22", "FIELD_INVALID",
            "Поле G7 допускает не более 2 знаков после запятой (3 — для участника СРП или экспортера, получателя-нерезидента или валюты, отличной от KZT)",
            "Field G7 allows 2 decimal places (3 for a PSA participant or exporter, a non-resident customer or a foreign currency)",
            "spec-invoice §5.9, L1657–1668", ["productSet.products.product[].unitPrice"],
            b =>
            {
                var places = b.AnySeller(SharingAgreement, Exporter) || b.AnyCustomer(NonResident) || b.ProductSet.CurrencyCode != BodyFacts.Kzt ? 3 : 2;
                return BrokenLines(b, (_, p) => p.UnitPrice.ScaleAbove(places), "unitPrice");
            },
            "«Е … и G» is read as «E or G»: a PSA participant that is not an exporter also trades in foreign currency."),
        Positive("G-24", "priceWithoutTax", "G8", "spec-invoice §5.9, L1679", p => p.PriceWithoutTax),
        Scale("G-25", "priceWithoutTax", "G8", "spec-invoice §5.9, L1681–1682", p => p.PriceWithoutTax),
        Scale("G-26", "exciseAmount", "G10", "spec-invoice §5.9, L1698–1699", p => p.ExciseAmount),
        Scale("G-28", "turnoverSize", "G11", "spec-invoice §5.9, L1708–1709", p => p.TurnoverSize),
        Positive("G-29", "turnoverSize", "G11", "spec-invoice §5.9, L1711–1712", p => p.TurnoverSize, zeroAllowed: true),
        Scale("G-32", "ndsAmount", "G13", "spec-invoice §5.9, L1734–1735", p => p.NdsAmount),
        Positive("G-35", "priceWithTax", "G14", "spec-invoice §5.9, L1744–1745", p => p.PriceWithTax),
        Scale("G-36", "priceWithTax", "G14", "spec-invoice §5.9, L1747–1748", p => p.PriceWithTax),
        Required("G-37", "PRODUCT_DECLARATION_REQUIRED", "productDeclaration", "G15", "№ Декларации на товары, заявления", "declaration number",
            "spec-invoice §5.9, L1757–1759", ["1", "2"]),
        Required("G-40", "PRODUCT_NUMBER_IN_DECLARATION_REQUIRED", "productNumberInDeclaration", "G16", "Номер товарной позиции из заявления или Декларации",
            "item number in declaration", "spec-invoice §5.9, L1774–1776", ["1", "2"]),
    ];
}
