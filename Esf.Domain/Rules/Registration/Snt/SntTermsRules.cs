using Esf.Domain.Invoices.Document;
using Esf.Domain.Waybills;
using static Esf.Domain.Rules.Document.Categories;
using static Esf.Domain.Rules.Registration.Snt.SntDefine;

namespace Esf.Domain.Rules.Registration.Snt;

/// <summary>
/// Sections D, E and the currency: the consignor and consignee (both tables), the contract and delivery terms (read-only in Table
/// 29 only; Table 28 lets the issuer edit them but field 29) and the currency code (R041–R058, R112–R127).
/// </summary>
public static class SntTermsRules
{
    private const string Code = "INVOICE_AND_RELATED_SNT_NOT_EQUALS";

    /// <summary>The BIN for which Table 28 lets the currency be edited (seed L3160); the source does not say whose it is (§10.11).</summary>
    public const string CurrencyEditableBin = "060640006784";

    private static bool Multimodal(SntBasis b) => b.Snt.Body.Shipping.TransportType == WaybillTypeNames.Multimodal;

    /// <summary>Table 28's exceptions to a read-only currency (R057): supplier E, G or H, customer G, or the BIN 060640006784.</summary>
    private static bool CurrencyEditable(InvoiceBody b) =>
        b.Sellers.Any(s => s.Has(SharingAgreement) || s.Has(Exporter) || s.Has(Transporter) || s.Tin == CurrencyEditableBin)
        || b.Customers.Any(c => c.Has(SharingAgreement));

    private static RegistryRule Same(
        Func<string, string, string, string, string, string[], Func<SntBasis, IEnumerable<string>>, string?, RegistryRule> table,
        string id, string esf, string nameRu, string nameEn, string snt, string lines, string path, Func<InvoiceBody, string?> field,
        string? decision = null) =>
        table(id, Code, $"Поле {esf} «{nameRu}» должно совпадать с полем {snt} СНТ", $"Field {esf} ({nameEn}) must equal the waybill's field {snt}",
            $"spec-snt {id}; seed {lines}", [path], b => Differs(b, field, path), decision);

    private const string Transport = "When 39.1 is «f. Мультимодальный» the seed says both «editable» and «do not fill» while Rules ¶52 " +
        "makes line 29 mandatory (spec-snt §10.10, R050, R170): the issuer then fills 29 and it is not compared.";

    public static IReadOnlyList<IRegistrationRule> All { get; } =
    [
        Same(Table28, "R041", "25.1", "ИИН/БИН грузоотправителя", "consignor's IIN/BIN", "31", "L2982–2989", "consignor.tin", b => b.Consignor?.Tin),
        Same(Table28, "R042", "26.1", "ИИН/БИН грузополучателя", "consignee's IIN/BIN", "34", "L2995–3002", "consignee.tin", b => b.Consignee?.Tin),
        Same(Table28, "R043", "26.4", "Код страны грузополучателя", "consignee's country", "36", "L3004–3012", "consignee.countryCode",
            b => b.Consignee?.CountryCode),
        Table28("R049", Code, "Поле 29 «Способ отправления» должно совпадать с полем 39.1 «Вид транспорта» СНТ (кроме мультимодальной перевозки)",
            "Field 29 (dispatch method) must equal the waybill's 39.1 unless it is multimodal", "spec-snt R049, R050; seed L3065–3078",
            ["deliveryTerm.transportTypeCode"],
            b => Multimodal(b) ? [] : Differs(b, i => i.DeliveryTerm?.TransportTypeCode, "deliveryTerm.transportTypeCode"), Transport),
        Table28("R058", "INVALID_CURRENCY_CODE", "Поле 33.1 «Код валюты» должно совпадать с полем 50 СНТ",
            "Field 33.1 (currency) must equal the waybill's field 50", "spec-snt R057, R058; seed L3146–3166", ["productSet.currencyCode"],
            b => CurrencyEditable(b.Invoice) ? [] : Differs(b, i => i.ProductSet.CurrencyCode, "productSet.currencyCode"),
            "Editable (not compared) when the supplier is «E – участник СРП», «G – экспортер» or «H – международный перевозчик», the " +
            "customer «G – участник СРП», or the supplier's ИИН/БИН is 060640006784 (R057; whose BIN it is, the seed does not say, §10.11)."),
        Same(Table29, "R112", "25.1", "ИИН/БИН грузоотправителя", "consignor's IIN/BIN", "31", "L4068–4076", "consignor.tin", b => b.Consignor?.Tin,
            "Not swapped (spec-snt §10.19): the consignor of the return shipment is the consignor of the return."),
        Same(Table29, "R113", "26.1", "ИИН/БИН грузополучателя", "consignee's IIN/BIN", "34", "L4082–4090", "consignee.tin", b => b.Consignee?.Tin),
        Same(Table29, "R114", "26.4", "Код страны грузополучателя", "consignee's country", "36", "L4092–4101", "consignee.countryCode",
            b => b.Consignee?.CountryCode),
        Table29("R115", Code, "Поля 27.1/27.2 «Договор (контракт)» / «Без договора» должны совпадать с полями 44а/44b СНТ",
            "Fields 27.1/27.2 (with or without a contract) must equal the waybill's 44a/44b", "spec-snt R115, R116; seed L4105–4124",
            ["deliveryTerm.hasContract"], b => Differs(b, i => i.DeliveryTerm?.HasContract, "deliveryTerm.hasContract"),
            "27.1 and 27.2 are one flag in InvoiceV2 (hasContract), so R116 is this check."),
        Same(Table29, "R117", "27.3", "Номер договора", "contract number", "44.1", "L4126–4134", "deliveryTerm.contractNum", b => b.DeliveryTerm?.ContractNum),
        Same(Table29, "R118", "27.4", "Дата договора", "contract date", "44.2", "L4136–4144", "deliveryTerm.contractDate", b => b.DeliveryTerm?.ContractDate),
        Same(Table29, "R119", "28", "Условия оплаты по договору", "payment terms", "45.a", "L4146–4155", "deliveryTerm.term", b => b.DeliveryTerm?.Term),
        Table29("R120", Code, "Поле 29 «Способ отправления» должно совпадать с полем 39.1 «Вид транспорта» СНТ (кроме мультимодальной перевозки)",
            "Field 29 (dispatch method) must equal the waybill's 39.1 unless it is multimodal", "spec-snt R120; seed L4157–4170",
            ["deliveryTerm.transportTypeCode"],
            b => Multimodal(b) ? [] : Differs(b, i => i.DeliveryTerm?.TransportTypeCode, "deliveryTerm.transportTypeCode"), Transport),
        Same(Table29, "R121", "30.1", "Номер доверенности", "power of attorney number", "83.2", "L4172–4181", "deliveryTerm.warrant",
            b => b.DeliveryTerm?.Warrant),
        Same(Table29, "R122", "30.2", "Дата доверенности", "power of attorney date", "83.3", "L4183–4192", "deliveryTerm.warrantDate",
            b => b.DeliveryTerm?.WarrantDate),
        Same(Table29, "R123", "31.1", "Условия поставки", "delivery terms", "45 (ИНКОТЕРМС)", "L4194–4203", "deliveryTerm.deliveryConditionCode",
            b => b.DeliveryTerm?.DeliveryConditionCode),
        Table29("R127", "INVALID_CURRENCY_CODE", "Поле 33.1 «Код валюты» должно совпадать с полем 50 СНТ на возврат",
            "Field 33.1 (currency) must equal the return waybill's field 50", "spec-snt R127; seed L4241–4250", ["productSet.currencyCode"],
            b => Differs(b, i => i.ProductSet.CurrencyCode, "productSet.currencyCode"), "Never editable in Table 29."),
    ];
}
