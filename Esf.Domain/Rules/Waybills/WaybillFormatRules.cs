using Esf.Domain.Rules.Document;
using Esf.Domain.Waybills;
using Esf.Domain.Waybills.Document;
using static Esf.Domain.Rules.Document.Define;
using static Esf.Domain.Rules.Waybills.WaybillDefine;

namespace Esf.Domain.Rules.Waybills;

/// <summary>
/// The waybill's light rules (stage upload, after SntV1.xsd): what follows from its fields alone: dates, the fields its type
/// and movement require, the parties' identifiers, the units of each goods section and the line arithmetic.
/// </summary>
public static class WaybillFormatRules
{
    private static IEnumerable<(WaybillProduct Line, int Index)> Lines(WaybillDocument d) => d.Body.ProductSet.Products.Select((p, i) => (p, i));

    private static bool InvalidDate(string? text) => BodyFacts.ParseDate(text) is null;

    private static IEnumerable<string> AgentDocMissing(WaybillAgent? agent, string side, Func<WaybillAgent, string?> field, string name) =>
        When(agent is { } a && !a.Tin.IsBlank() && field(a).IsBlank(), $"{side}.agent.{name}");

    public static IReadOnlyList<Rule<WaybillDocument>> All { get; } =
    [
        AtUpload("SNT-F01", "WRONG_DATE", "Поле 2 «Дата выписки СНТ» должно быть датой в формате дд.мм.гггг",
            "Field 2 (waybill date) must be a dd.MM.yyyy date", "spec-snt §3 (SNT 2)", ["date"], d => When(InvalidDate(d.Body.Date), "date"),
            "The XSD checks the shape; this checks the calendar (31.02 is refused)."),
        AtUpload("SNT-F02", "WRONG_DATE", "Поле 3 «Дата отгрузки товара» должно быть датой в формате дд.мм.гггг",
            "Field 3 (shipping date) must be a dd.MM.yyyy date", "spec-snt §3 (SNT 3)", ["shippingDate"],
            d => When(InvalidDate(d.Body.ShippingDate), "shippingDate")),
        AtUpload("SNT-F03", "WRONG_TYPE", "Ссылка на СНТ (relatedSnt) заполняется только в исправленной СНТ и в СНТ на возврат и обязательна в них",
            "relatedSnt is filled on a corrected or return waybill only, and is required there", "spec-snt §1.3, §2.2, §2.3",
            ["type", "relatedSnt"], d => When((d.Body.RelatedWaybill is not null) != (d.Type is WaybillType.Corrected or WaybillType.Return), "relatedSnt"),
            "Corrected and return waybills link to the waybill they correct or return (SNT-W09)."),
        AtUpload("SNT-F04", "WRONG_DATE", "Дата СНТ, на которую ссылается данная СНТ, должна быть датой в формате дд.мм.гггг, не позднее даты выписки",
            "relatedSnt.date must be a dd.MM.yyyy date not after the waybill date", "spec-snt §2.2, §2.3", ["relatedSnt.date", "date"],
            d => When(d.Body.RelatedWaybill is { } r && (BodyFacts.ParseDate(r.Date) is not { } related || d.Date is { } date && related > date),
                "relatedSnt.date")),
        AtUpload("SNT-F05", "SNT_TIN_IS_EMPTY", "Не заполнено поле 13 «ИИН/БИН» поставщика", "Field 13 (seller's IIN/BIN) is mandatory",
            "spec-snt §3 (SNT 13)", ["seller.tin"], d => When(d.SellerTin.IsBlank(), "seller.tin"),
            "The seller signs and uploads the waybill, so it is a taxpayer of Kazakhstan with an ИИН/БИН."),
        AtUpload("SNT-F06", "SNT_TIN_IS_EMPTY", "Не заполнено поле 22 «ИИН/БИН» получателя (не обязательно только для нерезидента, 22.1)",
            "Field 22 (buyer's IIN/BIN) is mandatory unless the buyer is a non-resident (22.1)", "spec-snt §3 (SNT 22, 22.1)",
            ["customer.tin", "customer.nonResident"], d => When(d.CustomerTin.IsBlank() && d.Body.Customer.NonResident != true, "customer.tin")),
        AtUpload("SNT-F07", "INVALID_CONSIGNEE_COUNTRY_CODE",
            "Код страны доставки (36) должен быть «KZ» для СНТ на импорт и временный ввоз и не может быть «KZ» для СНТ на экспорт",
            "The delivery country (36) is KZ for an import or temporary import and not KZ for an export", "spec-snt §3 (SNT 8, 36), §1.3",
            ["consignee.countryCode", "importType", "exportType"],
            d => When(d.Movement switch
            {
                WaybillMovement.Import or WaybillMovement.TemporaryImport => d.Body.Consignee.CountryCode != BodyFacts.Kz,
                WaybillMovement.Export => d.Body.Consignee.CountryCode == BodyFacts.Kz,
                _ => false,
            }, "consignee.countryCode"),
            "Goods brought into Kazakhstan are delivered there; exported goods leave it."),
        AtUpload("SNT-F08", "FIELD_INVALID", "Номер и дата договора (44.1, 44.2) заполняются только при поставке по договору (44а)",
            "Contract number and date (44.1, 44.2) are filled only for a supply under a contract (44a)", "spec-snt §3 (SNT 44а, 44b, 44.1, 44.2)",
            ["contract.hasContract", "contract.num", "contract.date"],
            d => d.Body.Contract is { HasContract: false } c
                ? When(!c.Num.IsBlank(), "contract.num").Concat(When(!c.Date.IsBlank(), "contract.date"))
                : [],
            "The counterpart of the invoice's E-02: 44а/44b are one flag (hasContract)."),
        AtUpload("SNT-F09", "FIELD_IS_NULL", "При указании поверенного поставщика номер и дата его документа (46, 47) обязательны",
            "With a seller's attorney, its document's number and date (46, 47) are mandatory", "spec-snt §3 (SNT 46, 47), R080–R082",
            ["seller.agent.docNum", "seller.agent.docDate"],
            d => AgentDocMissing(d.Body.Seller.Agent, "seller", a => a.DocNum, "docNum")
                .Concat(AgentDocMissing(d.Body.Seller.Agent, "seller", a => a.DocDate, "docDate"))),
        AtUpload("SNT-F10", "SNT_CUSTOMER_AGENT_DOC_NUM_IS_NULL", "При указании поверенного получателя номер его документа (48) обязателен",
            "With a buyer's attorney, its document's number (48) is mandatory", "spec-snt §3 (SNT 48), R083–R085", ["customer.agent.docNum"],
            d => AgentDocMissing(d.Body.Customer.Agent, "customer", a => a.DocNum, "docNum")),
        AtUpload("SNT-F11", "SNT_CUSTOMER_AGENT_DOC_DATE_IS_NULL", "При указании поверенного получателя дата его документа (49) обязательна",
            "With a buyer's attorney, its document's date (49) is mandatory", "spec-snt §3 (SNT 49), R083–R085", ["customer.agent.docDate"],
            d => AgentDocMissing(d.Body.Customer.Agent, "customer", a => a.DocDate, "docDate")),
        AtUpload("SNT-F12", "SNT_INVALID_PRODUCT_SET", "Номер раздела и позиции товара (Gn.1) не может повторяться в СНТ",
            "A goods section and position (Gn.1) appears once in a waybill", "spec-snt §4.G row 60 (G1 «2/1»)",
            ["productSet.products.product[].section", "productSet.products.product[].position"],
            d => Lines(d).GroupBy(x => x.Line.Key).SelectMany(g => g.Skip(1)).Select(x => Product(x.Index, "position")),
            "The pair is what invoice G1 names, so it must identify one line."),
        AtUpload("SNT-F13", "SNT_PRODUCT_TRU_ORIGIN_CODE_WRONG", "СНТ оформляется на товары: признак происхождения (Gn.2) от 1 до 5",
            "A waybill carries goods: the origin sign (Gn.2) is 1 to 5", "spec-snt §2.1 (origin «6» lines are added in the invoice only), R013",
            ["productSet.products.product[].truOriginCode"],
            d => Lines(d).Where(x => x.Line.TruOriginCode is not ("1" or "2" or "3" or "4" or "5")).Select(x => Product(x.Index, "truOriginCode")),
            "Works and services (origin 6) are not shipped; the invoice may add them (R013)."),
        AtUpload("SNT-F14", "INVALID_MEASURE_UNIT_CODE", "Единица измерения не допускается для раздела товаров СНТ (G2, G3: 112; G4: 778, 868, 881, 991; " +
            "G6, G7: 168, 112; G8: 8751, 992, 5111, 796, 166, 111, 944, 945; G9: 796)",
            "The unit of measure is not allowed in this goods section of the waybill", "spec-snt §7, seed L3238–3276",
            ["productSet.products.product[].measureUnitCode", "productSet.products.product[].section"],
            d => Lines(d).Where(x => x.Line.Section is { } s && !WaybillUnits.IsAllowed(s, x.Line.MeasureUnitCode))
                .Select(x => Product(x.Index, "measureUnitCode")),
            "The table lists the invoice's G5 per source section; a waybill line that broke it could never give a valid invoice."),
        AtUpload("SNT-F15", "WRONG_SUM", "Количество товара должно быть больше нуля", "The quantity must be positive", "spec-snt §6 (G6 sources)",
            ["productSet.products.product[].quantity"],
            d => Lines(d).Where(x => x.Line.Quantity is not > 0m).Select(x => Product(x.Index, "quantity")),
            "A return waybill also carries positive quantities; the additional invoice makes them negative (R135)."),
        AtUpload("SNT-F16", "INCORRECT_PRODUCT_SUM",
            "Суммы строки СНТ не соответствуют формулам: стоимость = количество × цена, НДС = (стоимость + акциз) × ставка / 100, " +
            "стоимость с налогами = стоимость + акциз + НДС",
            "The line amounts of the waybill do not match the formulas of invoice G-06", "spec-snt §6 (the sources of G8–G14); G-06",
            ["productSet.products.product[].priceWithoutTax", "productSet.products.product[].ndsAmount", "productSet.products.product[].priceWithTax"],
            d => Lines(d).SelectMany(x => ArithmeticRules.BrokenFormulas(new LineAmounts(x.Line.Quantity, x.Line.UnitPrice, x.Line.PriceWithoutTax,
                    x.Line.ExciseAmount, (x.Line.PriceWithoutTax ?? 0m) + (x.Line.ExciseAmount ?? 0m), x.Line.NdsRate, x.Line.NdsAmount,
                    x.Line.PriceWithTax))
                .Select(field => Product(x.Index, field))),
            "The amounts become the invoice's G8, G10, G13 and G14, which G-06 checks with the same tolerances."),
        AtUpload("SNT-F17", "CURRENCY_RATE_NOT_MATCH", "Курс валюты (51) обязателен и положителен для валюты, отличной от KZT, и не заполняется для KZT",
            "The exchange rate (51) is mandatory and positive for a currency other than KZT and absent for KZT", "spec-snt §3 (SNT 50, 51); G-03",
            ["productSet.currencyRate", "productSet.currencyCode"],
            d => When(d.Body.ProductSet.CurrencyCode == BodyFacts.Kzt ? d.Body.ProductSet.CurrencyRate is { } r && r != 1m
                : d.Body.ProductSet.CurrencyRate is not > 0m, "productSet.currencyRate"),
            "As G-03 for the invoice fields 33.1/33.2 they pre-fill."),
        AtUpload("SNT-F18", "FIELD_IS_NULL", "Для товаров с признаком происхождения 1 и 2 наименование по Декларации на товары обязательно",
            "For origin 1 and 2 the name per customs declaration is mandatory", "spec-snt §4.G row 63 (G3/1), G-10",
            ["productSet.products.product[].tnvedName"],
            d => Lines(d).Where(x => x.Line.TruOriginCode is "1" or "2" && x.Line.TnvedName.IsBlank()).Select(x => Product(x.Index, "tnvedName")),
            "Invoice G3/1 comes from the virtual warehouse (ВМ), which the gateway does not hold; the waybill carries it instead (§10.2)."),
    ];
}
