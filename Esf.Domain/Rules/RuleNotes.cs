using Esf.Domain.Rules.Registration.Snt;
using static Esf.Domain.Rules.RuleNoteKind;

namespace Esf.Domain.Rules;

/// <summary>
/// Every check of spec-invoice §5 and spec-snt §9 that has no rule of its own, so none is silently missing from <c>docs/rules.md</c>.
/// </summary>
public static class RuleNotes
{
    private const string Derived = "Derived field: the web form fills it from the registry. Over the API the body is signed and cannot be overwritten; the gateway keeps what was signed.";
    private const string Table17 = "No field of the invoice names the Table 17 case, so the gateway cannot tell which bound applies; rejecting by a guessed case would refuse legal invoices. The loosest bound common to all cases is enforced as DL-08.";
    private const string Decline = "Checked when the customer declines (declineInvoiceById, lifecycle issue 5), not at registration.";

    public static IReadOnlyList<RuleNote> All { get; } =
    [
        new("GEN-02", CoveredElsewhere, "The pipeline: a registration number is assigned only when no rule is broken (VerdictWriter); otherwise FAILED."),
        new("GEN-03", CoveredElsewhere, "The pipeline: a registered main invoice gets CREATED («Не просмотрен»)."),
        new("GEN-04", CoveredElsewhere, "Import and transfer (issue 14): POST /api/v1/invoices/import runs the whole control without the signature " +
            "rules and keeps a passing invoice IMPORTED («Импортированный»), without a registration number and hidden from the customer; " +
            "POST /api/v1/invoices/transfer signs it and queues it, so every rule runs again on the day of the transfer (docs/drafts-and-import.md)."),
        new("GEN-05", CoveredElsewhere, "Lifecycle (issue 5): the customer's confirmInvoiceById moves CREATED → DELIVERED and sets deliveryDate. " +
            "Viewing (queryInvoiceById, the journal) does not: Rules p.13.2 / p.86 («после просмотра ЭСФ получателем») describe the web portal, " +
            "where opening the ESF is the receipt; the real API has no view that delivers, only this operation (esf-api-facts §7.9, §14)."),
        new("GEN-06", CoveredElsewhere, "Queries return registered invoices only (InvoiceVisibility)."),
        new("GEN-07", CoveredElsewhere, "Drafts (issue 14): /api/v1/drafts keeps unsigned, possibly incomplete bodies apart from invoices; " +
            "validate runs the whole control on one, send uploads it with its signature exactly once (docs/drafts-and-import.md)."),
        new("GEN-08", CoveredElsewhere, "A status effect of the taxpayer import (DeregistrationAnnuller): importing a deregistration date moves the " +
            "CREATED/DELIVERED invoices of that supplier or recipient whose turnover date (3) is after it to CANCELED_BY_OGD, in the import's " +
            "transaction, with a history row (actor `registry`) that the change feed carries; the import report counts them (annulledInvoices). " +
            "An invoice turned over on the deregistration day itself stays (the manual says «before field 3»). Rules p.13.6 (2023) gives this status " +
            "a second trigger, a court declaring a registration invalid, «за исключением операций, по которым судом установлено фактическое получение " +
            "товаров»: that exception is decided per operation by the court, and no registry or API operation carries such decisions, so annulling " +
            "by the court's date would annul invoices the court kept. The court trigger is not modelled (issue 10, C10)."),
        new("GEN-09", CoveredElsewhere, "Lifecycle (issue 5): revokeInvoiceById."),
        new("GEN-10", CoveredElsewhere, "Lifecycle (issue 5): declineInvoiceById accepts FIXED/ADDITIONAL only."),
        new("B-03", DecidedAgainst, Derived),
        new("B-04", CoveredElsewhere, "Checked by REO-01/REO-03 (reorganized person) and LIQ-03/LIQ-06 (liquidated branch)."),
        new("B-05", DecidedAgainst, Derived),
        new("B-08", DecidedAgainst, Derived + " The address may legitimately be empty."),
        new("B-15", DecidedAgainst, Derived),
        new("B-16", CoveredElsewhere, "B-13: 10.1 is the number of seller blocks."),
        new("C-08", DecidedAgainst, Derived + " The retail case is RET-02."),
        new("C-11", CoveredElsewhere, "B-11 checks the pairing both ways."),
        new("C-15", DecidedAgainst, Derived),
        new("C-16", CoveredElsewhere, "C-01 exempts RETAIL customers; C-02 applies when the IIN/BIN is given."),
        new("E-01", CoveredElsewhere, "27.1/27.2 are one boolean (deliveryTerm/hasContract): both cannot be marked."),
        new("E-03", DecidedAgainst, "The gateway has no store of ИС ЭСФ e-contracts or ЭГЗ contracts."),
        new("E-04", DecidedAgainst, "The Rules (seed L6095) say field 29 holds a numeric code of the classifier of transport types of КТС Decision " +
            "№ 378, appendix 3, but no source material lists that classifier's codes and the gateway ships no such dictionary; guessing the list " +
            "would refuse legal invoices. deliveryTerm.transportTypeCode is accepted as sent (XSD 0..1)."),
        new("F-01", DecidedAgainst, "The gateway has no store of ИС ЭСФ or ЭГЗ acts."),
        new("SNT-01", CoveredElsewhere, "SNT-R001, SNT-R005, SNT-R009: the waybill named in 32.1 has the type the invoice needs."),
        new("SNT-02", CoveredElsewhere, "SNT-R002, SNT-R006, SNT-R010 (and SNT-R163 for a blocked waybill)."),
        new("SNT-03", CoveredElsewhere, "SNT-R004: one invoice in force per waybill; annulled, revoked or declined ones free it."),
        new("SNT-04", DecidedAgainst, "No field of the invoice says whether goods are excise, virtual-warehouse or WTO-exemption goods, so " +
            "the gateway cannot tell which invoices must be issued on a waybill (spec-snt R167)."),
        new("SNT-05", CoveredElsewhere, "The annulments are scheduled effects of the waybill's status, recorded with the status change and " +
            "applied exactly once when due (spec-snt R152–R154, SNT-R152–SNT-R154; ADR 0026)."),
        new("SNT-06", CoveredElsewhere, "SNT-R013: added lines are works and services (origin 6)."),
        new("G-04", DecidedAgainst, "The XML has no «direction» field; G-06 accepts the values of both directions."),
        new("G-05", DecidedAgainst, "The XML has no «method» field; G-06 always checks, within tolerances that admit both directions."),
        new("G-16", DecidedAgainst, "The source value is garbled; no check (G4 not mandatory) is the permissive reading."),
        new("G-23", CoveredElsewhere, "GEN-11: priceWithoutTax is required by the XSD."),
        new("G-27", CoveredElsewhere, "GEN-11: turnoverSize is required by the XSD."),
        new("G-34", CoveredElsewhere, "GEN-11: priceWithTax is required by the XSD."),
        new("G-39", DecidedAgainst, "The body does not say whether goods came from an EAEU state; a ДТ number and an 18-digit application number are both valid in G15."),
        new("G-41", CoveredElsewhere, "VS-46: a line of origin «1» or «2» whose G15 is an 18-digit ФНО 328.00 number needs that position " +
            "(G16) matched with a registered primary import waybill (fno_matchings, VS-30 … VS-36)."),
        new("G-42", DecidedAgainst, "catalogTruId is accepted as sent (the SDK sample sends 1)."),
        new("I-03", DecidedAgainst, Derived),
        new("J-03", DecidedAgainst, Derived),
        new("DL-01", DecidedAgainst, Table17),
        new("DL-02", DecidedAgainst, Table17),
        new("DL-03", DecidedAgainst, Table17),
        new("DL-04", DecidedAgainst, Table17),
        new("DL-05", DecidedAgainst, Table17),
        new("DL-06", DecidedAgainst, Table17),
        new("DL-07", DecidedAgainst, Table17),
        new("DL-11", CoveredElsewhere, "A-03."),
        new("ADD-04", CoveredElsewhere, "DL-09."),
        new("ADD-05", CoveredElsewhere, "GEN-11: the amounts are required by the XSD."),
        new("ADD-06", DecidedAgainst, "The XML has no discount fields (type, row, unit)."),
        new("ADD-07", CoveredElsewhere, Decline),
        new("ADD-08", CoveredElsewhere, Decline),
        new("COR-03", CoveredElsewhere, "A-03."),
        new("COR-04", CoveredElsewhere, "DL-10."),
        new("COR-06", DecidedAgainst, Derived),
        new("COR-07", DecidedAgainst, "A business obligation; the manual states no automatic action."),
        new("COR-08", CoveredElsewhere, Decline),
        new("COR-09", CoveredElsewhere, Decline),
        new("LIQ-05", NotImplementedYet, "The virtual warehouse exists (docs/virtual-warehouse.md), but delegation does not move a " +
            "liquidated branch's warehouses and goods yet."),
        new("REO-05", CoveredElsewhere, "REO-02 (same check and reason for a reorganized recipient)."),
        new("REO-06", CoveredElsewhere, "REO-03 (same check and reason for a reorganized recipient)."),
        new("LIQ-04", CoveredElsewhere, "REO-02 exempts liquidated branches: their additional invoices may be positive."),
        new("LIQ-01", CoveredElsewhere, "A check of the delegation registry's own data, made when it is imported (DelegationCheck): a line whose " +
            "head_office_tin is not the liquidated branch's head office in the taxpayer registry is rejected by its line number, reason «LIQ-01: …»."),
        new("LIQ-02", CoveredElsewhere, "Checked at the import of delegations (DelegationCheck): the branch must be in the taxpayer registry, a structural " +
            "unit of that head office, deregistered with a reason starting «Ликвидация»; the delegate an active (not deregistered) unit of the same head " +
            "office or the head office itself; otherwise the line is rejected, reason «LIQ-02: …». LIQ-03 then checks the invoice against the imported delegations."),
        new("COR-05", CoveredElsewhere, "VerdictWriter: registering a corrected invoice moves its original CREATED/DELIVERED → CANCELED with a history row, in the same transaction."),
        new("RET-01", CoveredElsewhere, "C-01 and C-02."),
        new("RET-03", CoveredElsewhere, "The pipeline moves an invoice's warehouse lines on registration: to the recipient's default " +
            "warehouse, or written off for a retail buyer without one (docs/virtual-warehouse.md, VS-13). A retail invoice needs no СНТ: " +
            "no rule asks for one."),
        .. SntRuleNotes.All,
        .. Warehouse.WarehouseFormCodeNotes.All,
    ];
}
