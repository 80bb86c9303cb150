using Esf.Domain.Rules.Document;
using static Esf.Domain.Rules.Document.Categories;
using static Esf.Domain.Rules.Document.Define;

namespace Esf.Domain.Rules.Registration;

/// <summary>Checks of the parties against the taxpayer registry, the bank accounts and «Участники СРП» (sections B, C, D, I, J).</summary>
public static class RegistryPartyRules
{
    private static bool Known(RegistrationContext c, string tin) => c.Registry.Taxpayer(tin) is not null || c.Registry.TaxpayerExists(tin);

    public static IReadOnlyList<IRegistrationRule> All { get; } =
    [
        Reg("B-09", "NDS_CERTIFICATE_NUM_IS_EMPTY", "Серия и номер свидетельства плательщика НДС (9.1, 9.2) не совпадают с данными базы налогоплательщиков",
            "The VAT certificate series and number (9.1, 9.2) differ from the taxpayer registry", "spec-invoice §5.3, L552–569",
            ["sellers.seller[].certificateSeries", "sellers.seller[].certificateNum"],
            c => c.Document.Body.Sellers.Select((s, i) => (s, i)).Where(x =>
                    !x.s.CertificateNum.IsBlank() && x.s.Tin is { } tin && c.Registry.Taxpayer(tin) is { } t
                    && (c.Registry.Taxpayer(t.HeadOfficeTin ?? tin) ?? t) is { CertificateNum: { } num } owner
                    && (num != x.s.CertificateNum || (owner.CertificateSeries ?? "") != (x.s.CertificateSeries ?? "")))
                .Select(x => Paths.Seller(x.i, "certificateNum")),
            "The fields are derived; when the sender fills them they must be the registry's (the head office's for a branch). Empty is accepted."),
        Reg("B-10", "BRANCH_NON_RESIDENT_STATE_ERROR",
            "Признак 9.3 «Структурное подразделение юридического лица-нерезидента» допускается только для БИН, отмеченного в базе данных как нерезидент",
            "Flag 9.3 (non-resident's structural unit) is allowed only for a BIN the registry marks non-resident", "spec-invoice §5.3, L575–585",
            ["sellers.seller[].isBranchNonResident", "sellers.seller[].tin"],
            c => Broken(c.Document.Body.Sellers, s => s.IsBranchNonResident == true && s.Tin is { } tin && c.Registry.Taxpayer(tin) is { IsResident: true },
                static i => Paths.Seller(i, "isBranchNonResident")),
            "The flag is derived; a set flag is checked against the registry, an unset one is accepted (the VAT data then come from 9.1/9.2)."),
        Reg("B-12", "SELLER_MISSING_SHARING_AGREEMENT_PARTICIPANT", "Поставщик отсутствует в справочнике «Участники СРП»: категория «Участник СРП» не может быть выбрана",
            "The supplier is not in the PSA participants dictionary: category PSA participant cannot be chosen", "spec-invoice §5.3, L643–647",
            ["sellers.seller[].statuses", "sellers.seller[].tin"],
            c => Broken(c.Document.Body.Sellers, s => s.Has(SharingAgreement) && (s.Tin is null || !c.Registry.IsSrpParticipant(s.Tin)),
                static i => Paths.Seller(i, "statuses"))),
        Reg("B-20", "BIK_IIK_TIN_NOT_CORRECT", "ИИК (13) не является банковским счетом поставщика в базе данных",
            "The IIK (13) is not one of the supplier's bank accounts", "spec-invoice §5.3, L776", ["sellers.seller[].iik"],
            c => Broken(c.Document.Body.Sellers, s => s.Iik is { Length: > 0 } iik && s.Tin is { } tin && c.Registry.HoldsAccount(tin, iik) == false,
                static i => Paths.Seller(i, "iik")),
            "A bank-account registry that was never imported (no rows) cannot decide, and the rule passes, as for every other dictionary."),
        Reg("B-21", "BIK_IIK_TIN_NOT_CORRECT", "БИК (14) и наименование банка (15) должны соответствовать счету, указанному в поле 13",
            "The BIC (14) and bank name (15) must be those of the account in field 13", "spec-invoice §5.3, L786, L794",
            ["sellers.seller[].bik", "sellers.seller[].bank"],
            c => c.Document.Body.Sellers.Select((s, i) => (s, i)).SelectMany(x =>
                x.s.Iik is { Length: > 0 } iik && x.s.Tin is { } tin && c.Registry.AccountBik(tin, iik) is { } bik
                    ? When(!x.s.Bik.IsBlank() && x.s.Bik != bik, Paths.Seller(x.i, "bik"))
                        .Concat(When(!x.s.Bank.IsBlank() && c.Registry.BankName(bik) is { } bank
                            && !string.Equals(bank.Trim(), x.s.Bank!.Trim(), StringComparison.OrdinalIgnoreCase), Paths.Seller(x.i, "bank")))
                    : []),
            "The bank name is compared ignoring case and surrounding spaces; an unknown БИК in the banks registry skips the name check."),
        Reg("C-04", "CUSTOMER_BRANCH_NOT_BELONGS_TO_HEAD",
            "Указанный БИН не является структурной единицей (филиалом) получателя, указанного в поле 16 «ИИН/БИН»",
            "The BIN is not a structural unit (branch) of the customer in field 16", "spec-invoice §5.4, L847–851 (message verbatim)",
            ["customers.customer[].branchTin", "customers.customer[].tin"],
            c => Broken(c.Document.Body.Customers, x => x.BranchTin is { Length: > 0 } branch && c.Registry.Taxpayer(branch)?.HeadOfficeTin != x.Tin,
                static i => Paths.Customer(i, "branchTin")),
            "The manual's text lacks its closing quote («…«ИИН/БИН»); it is completed here. Field 16.0 is the customer's branch, so the " +
            "code is the real list's CUSTOMER_BRANCH_NOT_BELONGS_TO_HEAD (esf-api-facts §9.13), not the seller's."),
        Reg("C-05", "INVALID_CUSTOMER_REORGANIZATION_TIN", "БИН реорганизованного лица (16.1) отсутствует в базе данных налогоплательщиков",
            "The reorganized recipient's BIN (16.1) is not in the taxpayer registry", "spec-invoice §5.4, L859–861", ["customers.customer[].reorganizedTin"],
            c => Broken(c.Document.Body.Customers, x => x.ReorganizedTin is { Length: > 0 } tin && !Known(c, tin),
                static i => Paths.Customer(i, "reorganizedTin"))),
        Reg("C-12", "CUSTOMER_MISSING_SHARING_AGREEMENT_PARTICIPANT", "Получатель отсутствует в справочнике «Участники СРП»: категория «Участник СРП» не может быть выбрана",
            "The customer is not in the PSA participants dictionary", "spec-invoice §5.4, L1031–1035", ["customers.customer[].statuses"],
            c => Broken(c.Document.Body.Customers, x => x.Has(SharingAgreement) && (x.Tin is null || !c.Registry.IsSrpParticipant(x.Tin)),
                static i => Paths.Customer(i, "statuses")),
            "The text says «the supplier's BIN»; for the customer category it is read as the customer's own BIN."),
        Reg("D-01", "CONSIGNOR_TIN_ABSENT_IN_DICTIONARY", "ИИН/БИН грузоотправителя (25.1) отсутствует в базе данных налогоплательщиков",
            "The consignor's IIN/BIN (25.1) is not in the taxpayer registry", "spec-invoice §5.6, L1191–1192", ["consignor.tin"],
            c => When(c.Document.Body.Consignor?.Tin is { Length: > 0 } tin && !Known(c, tin), "consignor.tin")),
        Reg("D-03", "CONSIGNEE_TIN_ABSENT_IN_DICTIONARY", "ИИН/БИН грузополучателя (26.1) отсутствует в базе данных налогоплательщиков",
            "The consignee's IIN/BIN (26.1) is not in the taxpayer registry", "spec-invoice §5.6, L1227–1228", ["consignee.tin"],
            c => When(c.Document.Body.Consignee is { CountryCode: BodyFacts.Kz, Tin: { Length: > 0 } tin } && !Known(c, tin), "consignee.tin")),
        Reg("I-01", "AGENT_SELLER_TIN_ABSENT_IN_DICTIONARY", "БИН поверенного (оператора) поставщика (35) отсутствует в базе данных налогоплательщиков",
            "The supplier's attorney (35) is not in the taxpayer registry", "spec-invoice §5.11, L1862–1863", ["sellerAgentTin"],
            c => When(c.Document.Body.SellerAgentTin is { Length: > 0 } tin && !Known(c, tin), "sellerAgentTin")),
        Reg("I-02", "SELLER_MISSING_SHARING_AGREEMENT_PARTICIPANT", "Поверенный поставщика-участника СРП (35) отсутствует в справочнике СРП",
            "The attorney of a PSA supplier (35) is not in the PSA dictionary", "spec-invoice §5.11, L1864–1865", ["sellerAgentTin"],
            c => When(c.Document.Body.SellerAgentTin is { Length: > 0 } tin && c.Document.Body.AnySeller(SharingAgreement) && !c.Registry.IsSrpParticipant(tin),
                "sellerAgentTin")),
        Reg("J-01", "CUSTOMER_MISSING_SHARING_AGREEMENT_PARTICIPANT", "Поверенный получателя-участника СРП (39) отсутствует в справочнике «Участники СРП»",
            "The attorney of a PSA customer (39) is not in the PSA dictionary", "spec-invoice §5.11, L1937–1939", ["customerAgentTin"],
            c => When(c.Document.Body.CustomerAgentTin is { Length: > 0 } tin && c.Document.Body.AnyCustomer(SharingAgreement) && !c.Registry.IsSrpParticipant(tin),
                "customerAgentTin")),
        Reg("J-02", "AGENT_CUSTOMER_TIN_ABSENT_IN_DICTIONARY", "Поверенный (оператор) получателя (39) не имеет действующей регистрации",
            "The customer's attorney (39) has no active registration", "spec-invoice §5.11, L1941–1943", ["customerAgentTin"],
            c => When(c.Document.Body.CustomerAgentTin is { Length: > 0 } tin && !c.Registry.TaxpayerExists(tin), "customerAgentTin"),
            "The manual says «сообщение» without its text; ours names the field. Active = known and not deregistered."),
    ];
}
