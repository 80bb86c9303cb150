using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;
using static Esf.Domain.Rules.Document.Categories;
using static Esf.Domain.Rules.Document.Define;

namespace Esf.Domain.Rules.Document;

/// <summary>Section C (customer), C1 (public office) and retail, decided from the body alone.</summary>
public static class SectionCRules
{
    private static IEnumerable<(Customer C, int I)> Each(InvoiceBody b) => b.Customers.Select((c, i) => (c, i));

    public static IReadOnlyList<IDocumentRule> All { get; } =
    [
        Doc("C-01", "FIELD_IS_NULL", "Поле 16 «ИИН/БИН» получателя обязательно, кроме категорий «Нерезидент» и «Розничная реализация»",
            "Field 16 (customer IIN/BIN) is mandatory unless the category is NONRESIDENT or RETAIL", "spec-invoice §5.4, L818–828; RET-01",
            ["customers.customer[].tin", "customers.customer[].statuses"],
            b => Each(b).Where(x => x.C.Tin.IsBlank() && !x.C.Has(NonResident) && !x.C.Has(Retail)).Select(x => Paths.Customer(x.I, "tin"))),
        Doc("C-03", "INVALID_CUSTOMER_TIN",
            "ИИН/БИН получателя должен состоять из 12 цифр; для нерезидента — от 1 до 50 символов",
            "The customer IIN/BIN is 12 digits; for a non-resident 1 to 50 characters", "spec-invoice §5.4, L830–833",
            ["customers.customer[].tin"],
            b => Each(b).Where(x => x.C.Tin is { Length: > 0 } t && (x.C.Has(NonResident) ? t.Length > 50 : !IdentificationNumber.IsWellFormed(t)))
                .Select(x => Paths.Customer(x.I, "tin")),
            "For residents the manual implies the registry check (C-02); the 12-digit format is checked first so the sender learns the typo at upload."),
        Doc("C-06", "FIELD_IS_NULL", "Не заполнено обязательное поле 17 «Получатель»", "Field 17 (customer name) is mandatory",
            "spec-invoice §5.4, L865–882", ["customers.customer[].name"],
            b => Each(b).Where(x => x.C.Name.IsBlank()).Select(x => Paths.Customer(x.I, "name"))),
        Doc("C-07", "PARTICIPANT_SHARE_INCORRECT",
            "Поле 17.1 «Доля участия» получателя заполняется только для категорий «Участник договора о совместной деятельности» или «Участник СРП» при количестве участников более одного",
            "The customer share (17.1) is allowed only for joint-activity or PSA participants when there is more than one",
            "spec-invoice §5.4, L884–896", ["customers.customer[].shareParticipation"],
            b => Each(b).Where(x => x.C.ShareParticipation is not null && (b.Customers.Count < 2 || !(x.C.Has(JointActivity) || x.C.Has(SharingAgreement))))
                .Select(x => Paths.Customer(x.I, "shareParticipation")),
            "The manual codes the field «7.1»; it is 17.1 (Rules L6271), the XML element customer/shareParticipation."),
        Doc("C-09", "INVALID_CUSTOMER_COUNTRY_CODE",
            "Код страны получателя (18.1) должен быть «KZ», если поставщик не «Экспортер», «Международный перевозчик» или «Экспедитор»",
            "The customer country (18.1) must be KZ unless the supplier is an exporter, international carrier or forwarder",
            "spec-invoice §5.4, L927–939", ["customers.customer[].countryCode", "sellers.seller[].statuses"],
            b => b.AnySeller(Exporter, Transporter, Forwarder) || b.ProductSet.NdsRateType == BodyFacts.WithoutVatNotKz ? []
                : Each(b).Where(x => x.C.CountryCode != BodyFacts.Kz).Select(x => Paths.Customer(x.I, "countryCode")),
            "When «Без НДС – не РК» is set, C-10 governs the country instead (it must not be KZ)."),
        Doc("C-10", "INVALID_CUSTOMER_COUNTRY_CODE", "При признаке «Без НДС – не РК» код страны получателя не может быть «KZ»",
            "With «without VAT – not KZ» the customer country must not be KZ", "spec-invoice §5.4, L935–937",
            ["productSet.ndsRateType", "customers.customer[].countryCode"],
            b => b.ProductSet.NdsRateType != BodyFacts.WithoutVatNotKz ? []
                : Each(b).Where(x => x.C.CountryCode == BodyFacts.Kz).Select(x => Paths.Customer(x.I, "countryCode")),
            "The checkbox «Без НДС – не РК» is productSet/ndsRateType = WITHOUT_NDS_NOT_KZ."),
        Doc("C-13", "CUSTOMER_MISSING_JOINT_ACTIVITY_PARTICIPANT",
            "Несколько блоков получателя допускаются только для участников договора о совместной деятельности или СРП",
            "Several customer blocks are allowed only for joint-activity or PSA participants", "spec-invoice §5.4, L993–996, L1037–1039",
            ["customers.customer[].statuses"],
            b => b.Customers.Count < 2 ? [] : Each(b).Where(x => !(x.C.Has(JointActivity) || x.C.Has(SharingAgreement)))
                .Select(x => Paths.Customer(x.I, "statuses"))),
        Doc("C-14", "CUSTOMER_MISSING_PRINCIPAL", "При заполнении поля 39 «БИН» поверенного получателя категория получателя «Доверитель» обязательна",
            "When field 39 (customer's attorney) is filled the customer category PRINCIPAL is mandatory", "spec-invoice §5.4, L1049–1051",
            ["customerAgentTin", "customers.customer[].statuses"],
            b => When(!b.CustomerAgentTin.IsBlank() && !b.AnyCustomer(Principal), "customers.customer[0].statuses")),
        Doc("C1-01", "PUBLIC_OFFICE_FIELDS_NOT_CONSISTENT", "Для получателя «Государственное учреждение» раздел C1 обязателен",
            "Section C1 is mandatory when the customer is a public office", "spec-invoice §5.5, L1110–1113", ["publicOffice"],
            b => When(b.PublicOffice is null && Each(b).Any(x => x.C.Has(PublicOfficeCustomer) && x.C.Tin != BodyFacts.NationalBankBin), "publicOffice"),
            "Structural units of the National Bank are recognised by the registry's head-office link only at registration; at upload only its own БИН 941240001151 is exempt."),
        Doc("C1-02", "PUBLIC_OFFICE_FIELDS_NOT_CONSISTENT", "Для получателя «Государственное учреждение» поле 21 «ИИК» обязательно",
            "Field 21 (IIK) is mandatory when the customer is a public office", "spec-invoice §5.5, L1132–1135", ["publicOffice.iik"],
            b => When(b.PublicOffice is { } p && b.AnyCustomer(PublicOfficeCustomer) && p.Iik.IsBlank(), "publicOffice.iik")),
        Doc("C1-03", "PUBLIC_OFFICE_FIELDS_NOT_CONSISTENT", "Для получателя «Государственное учреждение» поле 23 «Назначение платежа» обязательно",
            "Field 23 (payment purpose) is mandatory when the customer is a public office", "spec-invoice §5.5, L1150–1154", ["publicOffice.payPurpose"],
            b => When(b.PublicOffice is { } p && b.AnyCustomer(PublicOfficeCustomer) && p.PayPurpose.IsBlank(), "publicOffice.payPurpose")),
        Doc("C1-04", "PUBLIC_OFFICE_FIELDS_NOT_CONSISTENT", "Поле 24 «БИК» государственного учреждения должно быть «KKMFKZ2A»",
            "Field 24 (BIC) of the public office must be KKMFKZ2A", "spec-invoice §5.5, L1162–1165", ["publicOffice.bik"],
            b => When(b.PublicOffice is { } p && p.Bik != "KKMFKZ2A" && !b.Customers.Any(c => c.Tin == BodyFacts.NationalBankBin), "publicOffice.bik"),
            "The XSD also allows NBRKKZKX: accepted only when the customer is the National Bank itself."),
        Doc("RET-02", "FIELD_INVALID",
            "При категории «Розничная реализация» без ИИН/БИН получателя поле 17 должно быть «Физические лица», поле 18 — «Розничная торговля»",
            "A retail invoice without the buyer's IIN/BIN names «Физические лица» (17) at «Розничная торговля» (18)",
            "spec-invoice §5.16, L876–878, L913–915 (C-06, C-08)", ["customers.customer[].name", "customers.customer[].address"],
            b => Each(b).Where(x => x.C.Has(Retail) && x.C.Tin.IsBlank())
                .SelectMany(x => When(x.C.Name?.Trim() != "Физические лица", Paths.Customer(x.I, "name"))
                    .Concat(When(x.C.Address?.Trim() != "Розничная торговля", Paths.Customer(x.I, "address"))))),
    ];
}
