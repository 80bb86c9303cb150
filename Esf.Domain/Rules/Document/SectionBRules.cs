using Esf.Domain.Invoices.Document;
using static Esf.Domain.Rules.Document.Categories;
using static Esf.Domain.Rules.Document.Define;

namespace Esf.Domain.Rules.Document;

/// <summary>Section B/B1 (supplier and its bank details) and section I (supplier's attorney), decided from the body alone.</summary>
public static class SectionBRules
{
    public static IReadOnlyList<IDocumentRule> All { get; } =
    [
        Doc("B-06", "FIELD_IS_NULL", "Не заполнено обязательное поле 7 «Поставщик»", "Field 7 (supplier name) is mandatory",
            "spec-invoice §5.3, L500–509", ["sellers.seller[].name"],
            b => b.Sellers.Select((s, i) => (s, i)).Where(x => x.s.Name.IsBlank()).Select(x => Paths.Seller(x.i, "name")),
            "The name is filled from the registry by the web form; over the API the body is signed, so the gateway requires it and does not compare it with the registry (registry names differ in quotes and case)."),
        Doc("B-07", "PARTICIPANT_SHARE_INCORRECT",
            "Поле 7.1 «Доля участия» заполняется только для категорий «Участник СРП» или «Участник договора о совместной деятельности» при количестве участников более одного",
            "Field 7.1 (share) is allowed only for PSA or joint-activity participants when there is more than one", "spec-invoice §5.3, L511–521",
            ["sellers.seller[].shareParticipation", "sellers.seller[].statuses"],
            b => b.Sellers.Select((s, i) => (s, i))
                .Where(x => x.s.ShareParticipation is not null && (b.Sellers.Count < 2 || !(x.s.Has(SharingAgreement) || x.s.Has(JointActivity))))
                .Select(x => Paths.Seller(x.i, "shareParticipation"))),
        Doc("B-11", "FIELD_INVALID",
            "Категория поставщика «Лизингодатель» и категория получателя «Лизингополучатель» указываются только вместе",
            "Supplier category LESSOR and customer category LESSEE go together", "spec-invoice §5.3, L625–628, L980–983 (and C-11)",
            ["sellers.seller[].statuses", "customers.customer[].statuses"],
            b => When(b.AnySeller(Lessor) != b.AnyCustomer(Lessee), b.AnySeller(Lessor) ? "customers.customer[0].statuses" : "sellers.seller[0].statuses"),
            "The garbled text is read as a pairing in both directions; C-11 is the same check and is reported as B-11."),
        Doc("B-13", "SELLER_MISSING_JOINT_ACTIVITY_PARTICIPANT",
            "Несколько блоков поставщика допускаются только для участников СРП или договора о совместной деятельности",
            "Several supplier blocks are allowed only for PSA or joint-activity participants", "spec-invoice §5.3, L649–666 (and B-16)",
            ["sellers.seller[].statuses"],
            b => b.Sellers.Count < 2 ? [] : b.Sellers.Select((s, i) => (s, i))
                .Where(x => !(x.s.Has(SharingAgreement) || x.s.Has(JointActivity))).Select(x => Paths.Seller(x.i, "statuses")),
            "Field 10.1 (count) is not an XML element: the count is the number of seller blocks, so B-16 (count = blocks) holds by construction."),
        Doc("B-14", "SELLER_MISSING_PRINCIPAL", "При заполнении поля 35 «БИН» поверенного поставщика категория поставщика «Доверитель» обязательна",
            "When field 35 (supplier's attorney) is filled the supplier category PRINCIPAL is mandatory", "spec-invoice §5.3, L697–699",
            ["sellerAgentTin", "sellers.seller[].statuses"],
            b => When(!b.SellerAgentTin.IsBlank() && !b.AnySeller(Principal), "sellers.seller[0].statuses")),
        Doc("B-17", "FIELD_IS_NULL", "При заполнении полей 13–15 банковских реквизитов поле 12 «КБе» обязательно",
            "Field 12 (KBe) is mandatory when any of fields 13–15 is filled", "spec-invoice §5.3, L764–765", ["sellers.seller[].kbe"],
            b => b.Sellers.Select((s, i) => (s, i))
                .Where(x => x.s.Kbe.IsBlank() && !(x.s.Iik.IsBlank() && x.s.Bik.IsBlank() && x.s.Bank.IsBlank()))
                .Select(x => Paths.Seller(x.i, "kbe"))),
        Doc("B-18", "PUBLIC_OFFICE_FIELDS_NOT_CONSISTENT", "Для получателя «Государственное учреждение» поле 12 «КБе» поставщика обязательно",
            "Field 12 (KBe) is mandatory when the customer is a public office", "spec-invoice §5.3, L767–768", ["sellers.seller[].kbe"],
            b => b.AnyCustomer(PublicOfficeCustomer) ? b.Sellers.Select((s, i) => (s, i)).Where(x => x.s.Kbe.IsBlank()).Select(x => Paths.Seller(x.i, "kbe")) : []),
        Doc("B-19", "PUBLIC_OFFICE_FIELDS_NOT_CONSISTENT", "Для получателя «Государственное учреждение» поле 13 «ИИК» поставщика обязательно",
            "Field 13 (IIK) is mandatory when the customer is a public office", "spec-invoice §5.3, L777–778", ["sellers.seller[].iik"],
            b => b.AnyCustomer(PublicOfficeCustomer) ? b.Sellers.Select((s, i) => (s, i)).Where(x => x.s.Iik.IsBlank()).Select(x => Paths.Seller(x.i, "iik")) : []),
        Doc("I-04", "FIELD_IS_NULL", "При заполнении поля 35 поле 38.1 «Номер документа» поверенного поставщика обязательно",
            "Field 38.1 (attorney document number) is mandatory when field 35 is filled", "spec-invoice §5.11, L1904–1905",
            ["sellerAgentTin", "sellerAgentDocNum"], b => When(!b.SellerAgentTin.IsBlank() && b.SellerAgentDocNum.IsBlank(), "sellerAgentDocNum")),
        Doc("I-05", "FIELD_IS_NULL", "При заполнении поля 35 поле 38.2 «Дата документа» поверенного поставщика обязательно",
            "Field 38.2 (attorney document date) is mandatory when field 35 is filled", "spec-invoice §5.11, L1913",
            ["sellerAgentTin", "sellerAgentDocDate"],
            b => When(!b.SellerAgentTin.IsBlank() && BodyFacts.ParseDate(b.SellerAgentDocDate) is null, "sellerAgentDocDate")),
        Doc("J-04", "FIELD_IS_NULL", "При заполнении поля 39 поле 42.1 «Номер документа» поверенного получателя обязательно",
            "Field 42.1 (attorney document number) is mandatory when field 39 is filled", "spec-invoice §5.11, L1982–1983",
            ["customerAgentTin", "customerAgentDocNum"], b => When(!b.CustomerAgentTin.IsBlank() && b.CustomerAgentDocNum.IsBlank(), "customerAgentDocNum")),
        Doc("J-05", "FIELD_IS_NULL", "При заполнении поля 39 поле 42.2 «Дата документа» поверенного получателя обязательно",
            "Field 42.2 (attorney document date) is mandatory when field 39 is filled", "spec-invoice §5.11, L1991",
            ["customerAgentTin", "customerAgentDocDate"],
            b => When(!b.CustomerAgentTin.IsBlank() && BodyFacts.ParseDate(b.CustomerAgentDocDate) is null, "customerAgentDocDate")),
    ];
}
