using System.Globalization;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules.Document;
using Esf.Domain.Waybills;
using static Esf.Domain.Rules.Registration.Snt.SntDefine;

namespace Esf.Domain.Rules.Registration.Snt;

/// <summary>
/// Section G: the read-only columns of each line taken from the waybill (G2, G3/1, G4, G5, G6, G15–G17), the units of each goods
/// section (R087–R091) and the signs of a return (R135, R142, R143). Rules ¶73-1: the goods are identical except the cost
/// indicators (G7–G14, editable or calculated, checked by the invoice's own arithmetic G-06).
/// </summary>
public static class SntGoodsRules
{
    private const string Code = "INVOICE_AND_RELATED_SNT_NOT_EQUALS";

    private static string[] Fields(string name) => [$"productSet.products.product[].{name}", "productSet.products.product[].productNumberInSnt"];

    private static RegistryRule Column(string id, string g, string nameRu, string nameEn, string lines, string name, Func<Product, string?> field,
        string code = Code, string? decision = null, bool whenGiven = false) =>
        Both(id, code, $"Графа {g} «{nameRu}» строки из СНТ должна совпадать с данными СНТ", $"Column {g} ({nameEn}) of a line from the waybill must equal the waybill's",
            $"spec-snt {id}; seed {lines}", Fields(name), b => LinesDiffer(b, field, name, whenGiven), decision);

    /// <summary>The goods section a line names in G1 («section/position»).</summary>
    private static int? SectionOf(Product line) =>
        line.ProductNumberInSnt?.Split('/') is [var section, _] && int.TryParse(section, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? s : null;

    private static RegistryRule Units(string id, string sections, string units, string lines, params int[] sectionNumbers) =>
        Both(id, "INVALID_MEASURE_UNIT_CODE", $"Единица измерения (G5) строки из раздела {sections} СНТ: {units}",
            $"The unit (G5) of a line from waybill section {sections} is {units}", $"spec-snt {id}, §7; seed {lines}", Fields("unitNomenclature"),
            b => b.MatchedLines.Where(x => SectionOf(x.Line) is { } s && sectionNumbers.Contains(s) && !WaybillUnits.IsAllowed(s, x.Line.UnitNomenclature))
                .Select(x => Paths.Product(x.Index, "unitNomenclature")));

    private static RegistryRule Negative(string id, string g, string nameRu, string nameEn, string lines, string name, Func<Product, decimal?> field) =>
        Table29(id, "WRONG_SUM", $"В дополнительном ЭСФ на возврат графа {g} «{nameRu}» строки из СНТ имеет отрицательное значение",
            $"In an additional invoice for a return, column {g} ({nameEn}) of a line from the waybill is negative", $"spec-snt {id}; seed {lines}",
            Fields(name), b => b.MatchedLines.Where(x => field(x.Line) is > 0m).Select(x => Paths.Product(x.Index, name)),
            "«Система автоматически проставляет отрицательное значение»; zero stays zero (a line without VAT).");

    public static IReadOnlyList<IRegistrationRule> All { get; } =
    [
        Column("R061", "G2", "Признак происхождения товара", "origin sign", "L3193–3202, L4277–4286 (R130)", "truOriginCode", p => p.TruOriginCode,
            decision: "The seed names the virtual warehouse (ВМ) and the SNT sub-field Gn.2 as the source (spec-snt §10.2); the gateway has no " +
            "virtual warehouse and compares with the waybill. R130 (Table 29) is the same check."),
        Column("R063", "G3/1", "Наименование товаров в соответствии с Декларацией на товары", "name per customs declaration",
            "L3215–3225, L4299–4309 (R132)", "tnvedName", p => p.TruOriginCode is "1" or "2" ? p.TnvedName : null,
            decision: "For origins 1 and 2 only. The seed's source is the virtual warehouse; the waybill carries the name instead (§10.2). " +
            "R132 (Table 29) is the same check."),
        Column("R064", "G4", "Код товара (ТН ВЭД ЕАЭС)", "commodity code", "L3227–3236, L4311–4320 (R133)", "unitCode", p => p.UnitCode,
            "TNVED_CODE_DIFFERS", "R133 (Table 29) is the same check."),
        Column("R065", "G5", "Единица измерения", "unit of measure", "L3238–3247, L4322–4331 (R086, R134)", "unitNomenclature", p => p.UnitNomenclature,
            decision: "Covers R086 (sections G1 and G10 copy their own unit) and R134 (Table 29)."),
        Table28("R066", Code, "Графа G6 «Кол-во (объем)» строки из СНТ должна совпадать с количеством СНТ",
            "Column G6 (quantity) of a line from the waybill must equal the waybill's quantity", "spec-snt R066; seed L3278–3287",
            Fields("quantity"), b => LinesDiffer(b, p => p.Quantity, "quantity")),
        Table29("R135", Code, "Графа G6 «Кол-во (объем)» строки из СНТ на возврат должна быть равна количеству СНТ со знаком минус",
            "Column G6 (quantity) of a line from the return waybill must be its quantity with a minus sign", "spec-snt R135; seed L4362–4374",
            Fields("quantity"), b => LinesDiffer(b, p => p.Quantity, "quantity")),
        Column("R076", "G15", "№ Декларации на товары, заявления о ввозе товаров и уплате косвенных налогов, СТ-KZ, СТ-1", "declaration number",
            "L3377–3389, L4466–4477 (R144)", "productDeclaration", p => p.ProductDeclaration,
            decision: "Compared when the waybill's line has one. Without one, the seed fills G15 from ФНО 328.00 (Table 28) or the virtual " +
            "warehouse (Table 29), neither of which the gateway holds, so the issuer's value is kept. R144 (Table 29) is the same check.",
            whenGiven: true),
        Column("R077", "G16", "Номер товарной позиции из Декларации на товары или заявления", "position in the declaration",
            "L3391–3403, L4479–4490 (R145)", "productNumberInDeclaration", p => p.ProductNumberInDeclaration,
            decision: "As R076; R145 (Table 29) is the same check.", whenGiven: true),
        Column("R078", "G17", "Идентификатор товара, работы, услуги", "item identifier", "L3405–3414, L4492–4501 (R146)", "catalogTruId",
            p => p.CatalogTruId, decision: "R146 (Table 29) is the same check."),
        Units("R087", "G2, G3", "112 (литр)", "L3249–3251, L4333–4335", 2, 3),
        Units("R088", "G4", "778, 868, 881 или 991", "L3253–3256, L4337–4340", 4),
        Units("R089", "G6, G7", "168 или 112", "L3258–3260, L4342–4344", 6, 7),
        Units("R090", "G8", "8751, 992, 5111, 796, 166, 111, 944 или 945", "L3262–3272, L4346–4356", 8),
        Units("R091", "G9", "796 (штука)", "L3274–3276, L4358–4360", 9),
        Negative("R142", "G13", "Сумма НДС", "VAT amount", "L4438–4450", "ndsAmount", p => p.NdsAmount),
        Negative("R143", "G14", "Стоимость товаров с учетом косвенных налогов", "value with taxes", "L4452–4464", "priceWithTax", p => p.PriceWithTax),
    ];
}
