using static Esf.Domain.Rules.Document.Categories;
using static Esf.Domain.Rules.Document.Define;

namespace Esf.Domain.Rules.Document;

/// <summary>Sections D (consignor, consignee) and E (delivery terms), decided from the body alone.</summary>
public static class SectionDeRules
{
    private static readonly HashSet<string> Incoterms =
        ["EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAT", "DAP", "DPU", "DDP", "DAF", "DES", "DEQ", "DDU"];

    public static IReadOnlyList<IDocumentRule> All { get; } =
    [
        Doc("D-02", "FIELD_IS_NULL", "При заполнении поля 25.1 поле 25.2 «Наименование грузоотправителя» обязательно",
            "Field 25.2 (consignor name) is mandatory when 25.1 is filled", "spec-invoice §5.6, L1202–1206", ["consignor.name"],
            b => When(b.Consignor is { } c && !c.Tin.IsBlank() && c.Name.IsBlank(), "consignor.name")),
        Doc("D-04", "FIELD_IS_NULL", "При заполнении поля 26.1 поле 26.2 «Наименование грузополучателя» обязательно",
            "Field 26.2 (consignee name) is mandatory when 26.1 is filled", "spec-invoice §5.6, L1236–1240", ["consignee.name"],
            b => When(b.Consignee is { } c && !c.Tin.IsBlank() && c.Name.IsBlank(), "consignee.name")),
        Doc("D-05", "INVALID_CONSIGNEE_COUNTRY_CODE",
            "Код страны грузополучателя (26.4) должен быть «KZ», если поставщик не «Участник СРП», «Экспортер» или «Международный перевозчик»",
            "The consignee country (26.4) must be KZ unless the supplier is a PSA participant, exporter or international carrier",
            "spec-invoice §5.6, L1257–1264", ["consignee.countryCode", "sellers.seller[].statuses"],
            b => When(b.Consignee is { } c && c.CountryCode != BodyFacts.Kz && b.ProductSet.NdsRateType != BodyFacts.WithoutVatNotKz
                && !b.AnySeller(SharingAgreement, Exporter, Transporter), "consignee.countryCode"),
            "The text contradicts itself; the first reading (automatic KZ unless E/G/H) is taken, as for 18.1."),
        Doc("D-06", "INVALID_CONSIGNEE_COUNTRY_CODE", "При признаке «Без НДС – не РК» код страны грузополучателя не может быть «KZ»",
            "With «without VAT – not KZ» the consignee country must not be KZ", "spec-invoice §5.6, L1266–1268", ["consignee.countryCode"],
            b => When(b.Consignee is { CountryCode: BodyFacts.Kz } && b.ProductSet.NdsRateType == BodyFacts.WithoutVatNotKz, "consignee.countryCode")),
        Doc("E-02", "FIELD_INVALID", "Номер и дата договора (27.3, 27.4) заполняются только при поставке по договору (27.1)",
            "Contract number and date (27.3, 27.4) are filled only for a supply under a contract (27.1)", "spec-invoice §5.7, L1319–1339",
            ["deliveryTerm.hasContract", "deliveryTerm.contractNum", "deliveryTerm.contractDate"],
            b => b.DeliveryTerm is { HasContract: false } d
                ? When(!d.ContractNum.IsBlank(), "deliveryTerm.contractNum").Concat(When(!d.ContractDate.IsBlank(), "deliveryTerm.contractDate"))
                : []),
        Doc("E-05", "INVALID_DELIVERY_CONDITION_CODE", "Условие поставки (31.1) должно быть кодом Инкотермс",
            "The delivery condition (31.1) must be an Incoterms code", "spec-invoice §5.7, L1403–1404", ["deliveryTerm.deliveryConditionCode"],
            b => When(b.DeliveryTerm?.DeliveryConditionCode is { Length: > 0 } code && !Incoterms.Contains(code.Trim().ToUpperInvariant()),
                "deliveryTerm.deliveryConditionCode"),
            "The Incoterms dictionary is the 2000/2010/2020 editions' codes, built in: it does not change."),
    ];
}
