using static Esf.Domain.Rules.RuleNoteKind;

namespace Esf.Domain.Rules.Registration.Snt;

/// <summary>Every rule of spec-snt §9 (R001–R170) that is not a check of its own, and why.</summary>
public static class SntRuleNotes
{
    private const string Editable = "Pre-filled from the waybill and editable (spec-snt §8.1): InvoicePrefill fills it; nothing to compare.";
    private const string Manual = "Entered by the issuer; no waybill source. The invoice's own rules apply.";
    private const string Egz = "An invoice on an ЭГЗ act and a waybill together: the gateway holds no ЭГЗ acts or contracts (as F-01, E-03).";
    private const string Effects = "A scheduled effect of the waybill's status (ADR 0026, docs/snt.md «Consequences»): the waybill's status " +
        "change records it (WaybillStatusConsequences, in its transaction) and WaybillEffectRunner applies it exactly once when due, on the " +
        "seller's clock, moving the invoices in force whose 32.1 names the waybill; the domain gives the target status " +
        "(WaybillEffects.InvoiceAnnulment), the day (WaybillEffects.AnnulmentDay, 3 working days after the decline on the calendar " +
        "registry) and the transitions (InvoiceLifecycle: CREATED/DELIVERED → CANCELED_BY_SNT_DECLINE/_REVOKE).";
    private const string Field32 = "InvoiceV2 has no element for field 32 (the fixed text «Сопроводительная накладная на товары»): a " +
        "42-digit waybill number in 32.1 (deliveryDocNum) is what marks an invoice as issued on a waybill (SNT-R055).";

    private static RuleNote Covered(string id, string reason) => new($"SNT-{id}", CoveredElsewhere, reason);

    private static RuleNote Against(string id, string reason) => new($"SNT-{id}", DecidedAgainst, reason);

    private static IEnumerable<RuleNote> Same(RuleNoteKind kind, string reason, params string[] ids) => ids.Select(id => new RuleNote($"SNT-{id}", kind, reason));

    public static IReadOnlyList<RuleNote> All { get; } =
    [
        Covered("R003", "SNT-R002: its four statuses are the «действующий статус» of the lookup (spec-snt §10.3)."),
        Covered("R008", "SNT-R005 (the waybill of 32.1 is a corrected one) and SNT-R007B (4.1/4.2 name the invoice of its primary)."),
        Covered("R011", "SNT-R094 (supplier 6 = the return waybill's buyer, 22) and B-02 (the signer is the supplier)."),
        Against("R014", "Drafts («Сохранить черновик») are a web-portal state; the API takes signed invoices (as GEN-07)."),
        Covered("R015", "The pipeline: an uploaded invoice is queued (IN_QUEUE) for the control."),
        Covered("R016", "The pipeline: a registration number and CREATED («Не просмотрен») when no rule is broken (GEN-02, GEN-03)."),
        new("SNT-R017", NotImplementedYet, "The waybill's linked documents (RegisteredWaybill.Invoices in the domain) are served by the waybill " +
            "infrastructure (issue 12, second part)."),
        Covered("R018", "An invoice issued on a waybill is an invoice: the invoice queries, feed and export list it."),
        Covered("R019", "InvoicePrefill (Esf.Domain/Waybills) is Tables 28 and 29, and the reference of every read-only check."),
        Covered("R020", "The pipeline assigns the registration number (GEN-02)."),
        Covered("R022", "A-03: the issue date is the client's, not later than the day of registration."),
        Covered("R027", "B-07 (7.1 only for PSA or joint-activity participants); entered by the issuer."),
        Covered("R031", "B-13 (10.1 is the number of supplier blocks); entered by the issuer."),
        Covered("R040", "C-13 (20.1 is the number of customer blocks); the seed's reference to field 10 is read as field 20 (spec-snt §10.9)."),
        Covered("R050", "SNT-R049: with «f. Мультимодальный» field 29 is not pre-filled and not compared (spec-snt §10.10)."),
        Against("R054", Field32),
        Covered("R057", "SNT-R058: its exceptions (10 E/G/H, 20 G, the BIN 060640006784) make 33.1 editable."),
        Covered("R059", "G-03: the rate is pre-filled from SNT 51 and editable; the National Bank rate is not compared (spec-snt §10.12)."),
        Covered("R071", "G-06: G8 = G6 × G7 and G11 = G8 + G10. The seed writes G11 = G6 × G7, which is the same without excise; with " +
            "excise, G-06 keeps the excise in the turnover (Tax Code art. 381)."),
        Covered("R074", "G-06: G13 = G11 × G12 / 100 (the rate is a percentage, spec-snt §10.13)."),
        Covered("R075", "G-06: G14 = G11 + G13."),
        Against("R081", "Derived from 35 by the registry (name, address); as I-03 the gateway keeps what was signed."),
        Against("R084", "Derived from 39 by the registry (name, address); as J-03 the gateway keeps what was signed."),
        Covered("R086", "SNT-R065: G5 equals the waybill line's unit, which sections G1 and G10 carry themselves."),
        Covered("R092", "The pipeline (1, 2) and A-01 (1.1 is mandatory)."),
        Covered("R098", "SNT-R101: 10 A, B, D, E, F have no source in Table 29 (spec-snt §10.20); they follow their party like I–M."),
        Covered("R102", "B-13 (10.1 is the number of supplier blocks)."),
        Covered("R109", "SNT-R107: the cited «20» is read as 26, the category field (spec-snt §10.19)."),
        Against("R111", "Table 29 gives 20.1 no source (spec-snt §10.20): it is not compared (C-13 checks it)."),
        Covered("R116", "SNT-R115: 27.1 and 27.2 are one flag (hasContract)."),
        Against("R124", Field32),
        Covered("R125", "SNT-R055 resolves 32.1 of every invoice issued on a waybill, a return one included."),
        Covered("R126", "SNT-R056 compares 32.2 with the date of every waybill, a return one included."),
        Covered("R129", "SNT-R060 (both tables)."),
        Covered("R130", "SNT-R061 (both tables)."),
        Covered("R132", "SNT-R063 (both tables)."),
        Covered("R133", "SNT-R064 (both tables)."),
        Covered("R134", "SNT-R065 (both tables)."),
        Covered("R137", "Editable. The seed does not give G8's sign on a return (spec-snt §10.7): InvoicePrefill makes G8 and G10 negative " +
            "with G6, so that G-06 holds (G8 = G6 × G7)."),
        Covered("R140", "G-06, as R071."),
        Covered("R144", "SNT-R076 (both tables)."),
        Covered("R145", "SNT-R077 (both tables)."),
        Covered("R146", "SNT-R078 (both tables)."),
        Covered("R152", Effects),
        Covered("R153", Effects + " A revocation annuls at once, in its own transaction (the seed gives no delay, spec-snt §1.6)."),
        Covered("R154", Effects),
        .. Same(DecidedAgainst, Egz, "R156", "R157", "R159", "R160"),
        Covered("R161", "SNT-R004 (only invoices in force count)."),
        Against("R162", "Sending to ИС ГО is outside the gateway; WaybillLifecycle lets only a CONFIRMED waybill become SEND_TO_ISGO."),
        Covered("R164", "SNT-R056 requires 32.2 with a waybill's 32.1. For other invoices the pairing is not checked: it would change the " +
            "verdict of invoices the gateway registers today (issue 12 keeps them)."),
        Covered("R165", "G-37 accepts any text in G15, a 42-digit waybill number included."),
        Against("R167", "No field of the invoice says whether goods are excise, virtual-warehouse or WTO-exemption goods (as SNT-04): the " +
            "gateway cannot tell which invoices must be issued on a waybill."),
        Covered("R168", "VS-46: the ФНО 328.00 position an invoice names in G15/G16 must be matched with its primary import waybill " +
            "(VS-30 … VS-36) before the invoice registers."),
        Against("R169", "Retail invoices need no waybill; virtual-warehouse movements are outside the gateway (as RET-03)."),
        Covered("R170", "SNT-R049/R120: 29 is pre-filled from 39.1 and mandatory in substance; for a multimodal waybill the issuer fills it."),
        .. Same(CoveredElsewhere, Editable, "R023", "R033", "R034", "R044", "R045", "R046", "R047", "R048", "R051", "R052", "R053", "R062",
            "R067", "R068", "R069", "R070", "R073", "R079", "R093", "R104", "R128", "R131", "R136", "R139", "R141", "R147"),
        .. Same(CoveredElsewhere, Manual, "R021", "R030", "R035", "R039", "R072", "R097", "R100", "R106", "R110", "R138"),
    ];
}
