using Esf.Domain.Invoices.Document;
using Esf.Domain.Waybills;
using static Esf.Domain.Rules.Document.Categories;
using static Esf.Domain.Rules.Registration.Snt.SntDefine;

namespace Esf.Domain.Rules.Registration.Snt;

/// <summary>
/// Sections B, C, I and J: the read-only fields of the supplier, the customer and their attorneys must equal the waybill's
/// (R024–R038, R080–R085 of Table 28; R094–R108, R148–R151 of Table 29). A field follows its party: on a return waybill the
/// invoice's supplier is the waybill's buyer and its customer the waybill's seller (spec-snt §10.18–19, ADR 0016).
/// </summary>
public static class SntPartyRules
{
    private const string Code = "INVOICE_AND_RELATED_SNT_NOT_EQUALS";
    private const string Return = "The seed's Table 29 swaps the parties' ИИН/БИН but not their other fields (spec-snt §10.18–19); " +
        "the gateway swaps every field of a party, so the additional invoice keeps the original invoice's parties (ADD-03).";

    private const string Attorney = "The seed fills 35 from SNT 13 and 39 from SNT 22, the parties' own ИИН/БИН, when the attorney's " +
        "document is filled (spec-snt §10.18): the attorney would be the party itself. The format carries the attorney's ИИН/БИН " +
        "with its document (agent), and 35/39 take it; 36, 37, 40, 41 are derived from it (not checked).";

    private const string Letters = "Categories are compared by name, not letter: Table 28 uses J twice in field 20 (spec-snt §10.8); Table 29 " +
        "gives no source for 10 A, B, D, E, F (§10.20) and cites «20» for 20 G, read as 26. The forwarder (10 C), international carrier " +
        "(10 H) and public office (20 E) are entered by hand and not compared.";

    private static Seller? Supplier(InvoiceBody b) => b.Sellers.FirstOrDefault();

    private static Customer? Recipient(InvoiceBody b) => b.Customers.FirstOrDefault();

    private static string? Document(string? num, string? date) => num is null && date is null ? null : $"{num}|{date}";

    /// <summary>The same field, checked under Table 28 against one side of the waybill and under Table 29 against the other.</summary>
    private static IEnumerable<IRegistrationRule> Pair(
        (string Id, string Snt, string Lines) t28, (string Id, string Snt, string Lines) t29, string esf, string nameRu, string nameEn, string path,
        Func<InvoiceBody, string?> field, string? decision = null)
    {
        yield return Table28(t28.Id, Code, $"Поле {esf} «{nameRu}» должно совпадать с полем {t28.Snt} СНТ",
            $"Field {esf} ({nameEn}) must equal the waybill's field {t28.Snt}", $"spec-snt {t28.Id}; seed {t28.Lines}", [path],
            b => Differs(b, field, path), decision);
        yield return Table29(t29.Id, Code, $"Поле {esf} «{nameRu}» должно совпадать с полем {t29.Snt} СНТ на возврат",
            $"Field {esf} ({nameEn}) must equal the return waybill's field {t29.Snt}", $"spec-snt {t29.Id}; seed {t29.Lines}", [path],
            b => Differs(b, field, path), decision is null ? Return : $"{decision} {Return}");
    }

    public static IReadOnlyList<IRegistrationRule> All { get; } =
    [
        .. Pair(("R024", "13", "L2615–2622"), ("R094", "22", "L3700–3708"), "6", "ИИН/БИН поставщика", "supplier's IIN/BIN",
            "sellers.seller[0].tin", b => Supplier(b)?.Tin),
        .. Pair(("R025", "15", "L2624–2632"), ("R095", "24", "L3710–3719"), "6.0", "БИН структурного подразделения поставщика",
            "supplier's branch BIN", "sellers.seller[0].branchTin", b => Supplier(b)?.BranchTin),
        .. Pair(("R026", "16", "L2634–2642"), ("R096", "25", "L3721–3730"), "6.1", "БИН реорганизованного лица", "reorganized supplier's BIN",
            "sellers.seller[0].reorganizedTin", b => Supplier(b)?.ReorganizedTin),
        .. Pair(("R028", "17", "L2652–2776"), ("R101", "26", "L3745–3857"), "10", "Категория поставщика (A, B, D, E, F, I–M)",
            "supplier categories A, B, D, E, F, I–M", "sellers.seller[0].statuses",
            b => Categories(Supplier(b)?.Statuses, WaybillCategories.Seller), Letters),
        .. Pair(("R029", "8.1 «Экспорт»", "L2711–2722"), ("R099", "8.1 «Экспорт»", "L3788–3799"), "10 G", "Экспортер", "exporter",
            "sellers.seller[0].statuses", b => Categories(Supplier(b)?.Statuses, [Exporter])),
        .. Pair(("R032", "22", "L2789–2796"), ("R103", "13", "L3870–3878"), "16", "ИИН/БИН получателя", "customer's IIN/BIN",
            "customers.customer[0].tin", b => Recipient(b)?.Tin),
        .. Pair(("R036", "27", "L2825–2833"), ("R105", "«код страны» поставщика", "L3896–3905"), "18.1", "Код страны получателя",
            "customer's country code", "customers.customer[0].countryCode", b => Recipient(b)?.CountryCode),
        .. Pair(("R037", "26", "L2835–2969"), ("R107", "17", "L3912–4057"), "20", "Категория получателя (A–D, G–N)",
            "customer categories A–D, G–N", "customers.customer[0].statuses",
            b => Categories(Recipient(b)?.Statuses, WaybillCategories.Customer), Letters),
        .. Pair(("R038", "22.1 «Нерезидент»", "L2885–2892"), ("R108", "«нерезидент» поставщика", "L3965–3973"), "20 F", "Нерезидент",
            "non-resident", "customers.customer[0].statuses", b => Categories(Recipient(b)?.Statuses, [NonResident])),
        .. Pair(("R080", "«ИИН/БИН поверенного поставщика» (при заполнении полей 46 и 47)", "L3430–3438"),
            ("R148", "«ИИН/БИН поверенного получателя» (при заполнении полей 48 и 49)", "L4514–4522"), "35", "БИН поверенного поставщика",
            "supplier's attorney BIN", "sellerAgentTin", b => b.SellerAgentTin, Attorney),
        .. Pair(("R082", "46, 47", "L3455–3477"), ("R149", "48, 49", "L4524–4546"), "38.1, 38.2", "Номер и дата документа поверенного поставщика",
            "supplier's attorney document", "sellerAgentDocNum", b => Document(b.SellerAgentDocNum, b.SellerAgentDocDate)),
        .. Pair(("R083", "«ИИН/БИН поверенного получателя» (при заполнении полей 48 и 49)", "L3482–3490"),
            ("R150", "«ИИН/БИН поверенного поставщика» (при заполнении полей 46 и 47)", "L4551–4559"), "39", "БИН поверенного получателя",
            "customer's attorney BIN", "customerAgentTin", b => b.CustomerAgentTin, Attorney),
        .. Pair(("R085", "48, 49", "L3507–3529"), ("R151", "46, 47", "L4561–4583"), "42.1, 42.2", "Номер и дата документа поверенного получателя",
            "customer's attorney document", "customerAgentDocNum", b => Document(b.CustomerAgentDocNum, b.CustomerAgentDocDate)),
    ];
}
