using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules.Document;
using static Esf.Domain.Rules.Document.Categories;
using static Esf.Domain.Rules.Document.Define;

namespace Esf.Domain.Rules.Registration;

/// <summary>Section G against the dictionaries (ТН ВЭД, countries, VAT rates) and the seller's VAT registration; A-03 against the clock.</summary>
public static class RegistryGoodsRules
{
    private static bool ExportToEaeu(RegistrationContext c, bool member) =>
        c.Document.Body.AnySeller(Exporter) && c.Document.Body.Customers.Any(x => x.CountryCode is { } code && c.Registry.IsEaeuMember(code) == member);

    // One iterator per rule and invoice: Lines().Where(...).Select(...) made three iterators and two closures with their delegates.
    private static IEnumerable<string> Lines(RegistrationContext c, Func<Product, bool> broken, string field)
    {
        var products = c.Document.Body.ProductSet.Products;
        for (var i = 0; i < products.Count; i++)
        {
            if (broken(products[i]))
            {
                yield return Paths.Product(i, field);
            }
        }
    }

    public static IReadOnlyList<IRegistrationRule> All { get; } =
    [
        Reg("A-03", "WRONG_DATE", "Дата выписки ЭСФ (2) не может быть позднее даты регистрации в ИС ЭСФ",
            "The issue date (2) cannot be later than the day of registration", "spec-invoice §5.2, L383–391 (and DL-11, COR-03)", ["date"],
            c => When(c.Registry.RegistrationDay is { } today && BodyFacts.ParseDate(c.Document.Body.Date) is { } date && date > today, "date"),
            "The web form sets 2 = today. Over the API the date is signed by the client before the upload is queued, so the gateway cannot overwrite it " +
            "and a strict equality would fail invoices signed before midnight and registered after: it rejects only a future date (Kazakhstan time). " +
            "A past date does not shorten the customer's decline window: it runs from the later of the registration day and the issue date (M5, docs/lifecycle.md)."),
        Reg("A-08", "DOWNTIME_NOT_FOUND_FOR_DATE", "Дата выписки на бумажном носителе (2.1) по причине простоя не является подтвержденной датой сбоя ИС ЭСФ",
            "The paper issue date (2.1) for an outage is not a confirmed outage date", "Rules items on paper invoices (2.1); our id",
            ["datePaper", "reasonPaper"],
            c => When(c.Document.Body.ReasonPaper == "DOWN_TIME" && BodyFacts.ParseDate(c.Document.Body.DatePaper) is { } paper
                && c.Registry.IsOutageDate(paper) == false, "datePaper"),
            "An empty outage registry (not imported) cannot decide: the rule passes."),
        Reg("G-12", "TNVED_CODE_CANT_BE_EMPTY", "Поле G4 обязательно при признаке происхождения 4 для экспорта в страну ЕАЭС",
            "Field G4 is mandatory for origin 4 exported to an EAEU state", "spec-invoice §5.9, L1600–1604", ["productSet.products.product[].unitCode"],
            c => ExportToEaeu(c, true) ? Lines(c, p => p.OriginIn("4") && p.UnitCode.IsBlank(), "unitCode") : []),
        Reg("G-13", "TNVED_CODE_INCONSISTENT", "При признаке происхождения 1 или 3 код ТН ВЭД (G4) должен иметь признак товара изъятия",
            "For origin 1 or 3 the commodity code (G4) must carry the exemption-goods flag", "spec-invoice §5.9, L1605–1607",
            ["productSet.products.product[].unitCode", "productSet.products.product[].truOriginCode"],
            c => Lines(c, p => p.OriginIn("1", "3") && p.UnitCode is { } code && c.Registry.IsExemptionGoods(code) == false, "unitCode"),
            "A code missing from the ТН ВЭД dictionary cannot be judged: the rule passes (the dictionary is imported, not complete)."),
        Reg("G-14", "TNVED_CODE_INCONSISTENT", "При признаке происхождения 2 или 4 код ТН ВЭД (G4) не должен иметь признак товара изъятия",
            "For origin 2 or 4 the commodity code (G4) must not carry the exemption-goods flag", "spec-invoice §5.9, L1609–1611",
            ["productSet.products.product[].unitCode", "productSet.products.product[].truOriginCode"],
            c => Lines(c, p => p.OriginIn("2", "4") && p.UnitCode is { } code && c.Registry.IsExemptionGoods(code) == true, "unitCode")),
        Reg("G-15", "ORIGIN_CODE_5_EAEC_INCOMPATIBLE", "При признаке происхождения 5 и экспорте за пределы ЕАЭС код ТН ВЭД не должен иметь признак товара изъятия",
            "For origin 5 exported outside the EAEU the commodity code must not carry the exemption-goods flag", "spec-invoice §5.9, L1616–1619",
            ["productSet.products.product[].unitCode"],
            c => ExportToEaeu(c, false) ? Lines(c, p => p.OriginIn("5") && p.UnitCode is { } code && c.Registry.IsExemptionGoods(code) == true, "unitCode") : [],
            "G4 itself stays optional here (the manual does not make it mandatory)."),
        Reg("G-30", "NDS_RATE_INCORRECT", "Ставка НДС (G12) отсутствует в справочнике ставок НДС на дату совершения оборота",
            "The VAT rate (G12) is not in force on the turnover date", "spec-invoice §5.9, L1720–1721", ["productSet.products.product[].ndsRate"],
            c => BodyFacts.ParseDate(c.Document.Body.TurnoverDate) is { } on
                ? Lines(c, p => p.NdsRate is { } rate && c.Registry.IsVatRateInForce(rate, on) == false, "ndsRate") : [],
            "An empty VAT-rate dictionary (not imported) means the rule cannot decide and passes; the seed imports 0, 12 and 16 %."),
        Reg("G-31", "NDS_RATE_FOR_NOT_NDS_PAYER", "Поставщик не состоит на регистрационном учете по НДС на дату выписки ЭСФ: ставка НДС не допускается",
            "The supplier is not a registered VAT payer on the issue date: a VAT rate is not allowed", "spec-invoice §5.9, L1720–1726",
            ["productSet.products.product[].ndsRate", "sellers.seller[].tin", "date"],
            c => c.Document.Body.AnySeller(Broker, Forwarder) || BodyFacts.ParseDate(c.Document.Body.Date) is not { } date
                || c.Document.Body.Sellers.FirstOrDefault()?.Tin is not { } tin || c.Registry.Taxpayer(tin) is not { } seller
                || seller.IsVatPayerOn(date) || (seller.HeadOfficeTin is { } head && c.Registry.Taxpayer(head)?.IsVatPayerOn(date) == true)
                ? [] : Lines(c, p => p.NdsRate is not null, "ndsRate"),
            "A branch uses its head office's VAT registration (as for 9.1/9.2)."),
        Reg("G-38", "PRODUCT_DECLARATION_REQUIRED", "Поле G15 обязательно при признаке происхождения 3 для экспорта в страну ЕАЭС",
            "Field G15 is mandatory for origin 3 exported to an EAEU state", "spec-invoice §5.9, L1761–1765", ["productSet.products.product[].productDeclaration"],
            c => ExportToEaeu(c, true) ? Lines(c, p => p.OriginIn("3") && p.ProductDeclaration.IsBlank(), "productDeclaration") : []),
    ];
}
