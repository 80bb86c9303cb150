using static Esf.Domain.Rules.RuleNoteKind;

namespace Esf.Domain.Rules;

/// <summary>Every check of spec-invoice §5 that has no rule of its own, so none is silently missing from <c>docs/rules.md</c>.</summary>
public static class RuleNotes
{
    private const string Derived = "Derived field: the web form fills it from the registry. Over the API the body is signed and cannot be overwritten; the gateway keeps what was signed.";
    private const string NoSnt = "The gateway has no СНТ store (virtual warehouse and СНТ are outside this service); the body carries no СНТ reference besides productNumberInSnt.";
    private const string Table17 = "No field of the invoice names the Table 17 case, so the gateway cannot tell which bound applies; rejecting by a guessed case would refuse legal invoices. The loosest bound common to all cases is enforced as DL-08.";
    private const string Decline = "Checked when the customer declines (declineInvoiceById, lifecycle issue 5), not at registration.";
    private const string Registry = "Needs the registries of issue 3 part 3 (migration, CSV import); not implemented yet.";

    public static IReadOnlyList<RuleNote> All { get; } =
    [
        new("GEN-02", CoveredElsewhere, "The pipeline: a registration number is assigned only when no rule is broken (VerdictWriter); otherwise FAILED."),
        new("GEN-03", CoveredElsewhere, "The pipeline: a registered main invoice gets CREATED («Не просмотрен»)."),
        new("GEN-04", DecidedAgainst, "Import into «Импортированный» is a web-portal state; the API registers directly."),
        new("GEN-05", CoveredElsewhere, "Lifecycle (issue 5): first view / confirm moves CREATED → DELIVERED."),
        new("GEN-06", CoveredElsewhere, "Queries return registered invoices only (InvoiceVisibility)."),
        new("GEN-07", DecidedAgainst, "Drafts are a web-portal state; the API accepts complete invoices only."),
        new("GEN-08", NotImplementedYet, "Annulment on deregistration before field 3 is a status effect of the registry import; not implemented yet."),
        new("GEN-09", CoveredElsewhere, "Lifecycle (issue 5): revokeInvoiceById."),
        new("GEN-10", CoveredElsewhere, "Lifecycle (issue 5): declineInvoiceById accepts FIXED/ADDITIONAL only."),
        new("A-03", NotImplementedYet, "Issue date = registration day: needs the worker's clock in the context; not implemented yet (clients set the date themselves)."),
        new("B-03", DecidedAgainst, Derived), new("B-04", CoveredElsewhere, "Checked by REO-*/LIQ-* (not implemented yet)."),
        new("B-05", DecidedAgainst, Derived), new("B-08", DecidedAgainst, Derived + " The address may legitimately be empty."),
        new("B-09", NotImplementedYet, Registry), new("B-10", NotImplementedYet, Registry), new("B-12", NotImplementedYet, Registry),
        new("B-15", DecidedAgainst, Derived), new("B-16", CoveredElsewhere, "B-13: 10.1 is the number of seller blocks."),
        new("B-20", NotImplementedYet, Registry), new("B-21", NotImplementedYet, Registry),
        new("C-04", NotImplementedYet, Registry), new("C-05", NotImplementedYet, Registry),
        new("C-08", DecidedAgainst, Derived + " The retail case is RET-02."), new("C-11", CoveredElsewhere, "B-11 checks the pairing both ways."),
        new("C-12", NotImplementedYet, Registry), new("C-15", DecidedAgainst, Derived),
        new("C-16", CoveredElsewhere, "C-01 exempts RETAIL customers; C-02 applies when the IIN/BIN is given."),
        new("D-01", NotImplementedYet, Registry), new("D-03", NotImplementedYet, Registry),
        new("E-01", CoveredElsewhere, "27.1/27.2 are one boolean (deliveryTerm/hasContract): both cannot be marked."),
        new("E-03", DecidedAgainst, "The gateway has no store of ИС ЭСФ e-contracts or ЭГЗ contracts."),
        new("E-04", NotImplementedYet, "The «Способ отправления» dictionary is not in the seed; not implemented yet."),
        new("F-01", DecidedAgainst, "The gateway has no store of ИС ЭСФ or ЭГЗ acts."),
        new("SNT-01", DecidedAgainst, NoSnt), new("SNT-02", DecidedAgainst, NoSnt), new("SNT-03", DecidedAgainst, NoSnt),
        new("SNT-04", DecidedAgainst, NoSnt), new("SNT-05", DecidedAgainst, NoSnt), new("SNT-06", DecidedAgainst, NoSnt),
        new("G-04", DecidedAgainst, "The XML has no «direction» field; G-06 accepts the values of both directions."),
        new("G-05", DecidedAgainst, "The XML has no «method» field; G-06 always checks, within tolerances that admit both directions."),
        new("G-12", NotImplementedYet, Registry), new("G-13", NotImplementedYet, Registry), new("G-14", NotImplementedYet, Registry),
        new("G-15", NotImplementedYet, Registry), new("G-16", DecidedAgainst, "The source value is garbled; no check (G4 not mandatory) is the permissive reading."),
        new("G-23", CoveredElsewhere, "GEN-11: priceWithoutTax is required by the XSD."), new("G-27", CoveredElsewhere, "GEN-11: turnoverSize is required by the XSD."),
        new("G-30", NotImplementedYet, Registry), new("G-31", NotImplementedYet, Registry),
        new("G-34", CoveredElsewhere, "GEN-11: priceWithTax is required by the XSD."), new("G-38", NotImplementedYet, Registry),
        new("G-39", DecidedAgainst, "The body does not say whether goods came from an EAEU state; a ДТ number and an 18-digit application number are both valid in G15."),
        new("G-41", DecidedAgainst, "The gateway has no store of import applications (ФНО 328.00)."),
        new("G-42", DecidedAgainst, "catalogTruId is accepted as sent (the SDK sample sends 1)."),
        new("I-01", NotImplementedYet, Registry), new("I-02", NotImplementedYet, Registry), new("I-03", DecidedAgainst, Derived),
        new("J-01", NotImplementedYet, Registry), new("J-02", NotImplementedYet, Registry), new("J-03", DecidedAgainst, Derived),
        new("DL-01", DecidedAgainst, Table17), new("DL-02", DecidedAgainst, Table17), new("DL-03", DecidedAgainst, Table17),
        new("DL-04", DecidedAgainst, Table17), new("DL-05", DecidedAgainst, Table17), new("DL-06", DecidedAgainst, Table17),
        new("DL-07", DecidedAgainst, Table17), new("DL-11", CoveredElsewhere, "A-03."),
        new("ADD-01", NotImplementedYet, "Resolving relatedInvoice against registered invoices; not implemented yet."),
        new("ADD-02", NotImplementedYet, "Allowed kinds/statuses of the original; not implemented yet."),
        new("ADD-03", NotImplementedYet, "Field-by-field comparison with the original; not implemented yet."),
        new("ADD-04", CoveredElsewhere, "DL-09."), new("ADD-05", CoveredElsewhere, "GEN-11: the amounts are required by the XSD."),
        new("ADD-06", DecidedAgainst, "The XML has no discount fields (type, row, unit)."),
        new("ADD-07", CoveredElsewhere, Decline), new("ADD-08", CoveredElsewhere, Decline),
        new("ADD-09", NotImplementedYet, "Rules item 31 (L5851): original + additional G14 totals must not be negative; needs the original; not implemented yet."),
        new("COR-01", NotImplementedYet, "Resolving relatedInvoice against registered invoices; not implemented yet."),
        new("COR-02", NotImplementedYet, "Same seller and customer as the original; not implemented yet."),
        new("COR-03", CoveredElsewhere, "A-03."), new("COR-04", CoveredElsewhere, "DL-10."),
        new("COR-05", NotImplementedYet, "Status effect: original → CANCELED on registration of the corrected invoice; not implemented yet."),
        new("COR-06", DecidedAgainst, Derived), new("COR-07", DecidedAgainst, "A business obligation; the manual states no automatic action."),
        new("COR-08", CoveredElsewhere, Decline), new("COR-09", CoveredElsewhere, Decline),
        new("REO-01", NotImplementedYet, Registry), new("REO-02", NotImplementedYet, Registry), new("REO-03", NotImplementedYet, Registry),
        new("REO-04", NotImplementedYet, Registry), new("REO-05", NotImplementedYet, Registry), new("REO-06", NotImplementedYet, Registry),
        new("LIQ-01", NotImplementedYet, Registry), new("LIQ-02", NotImplementedYet, Registry), new("LIQ-03", NotImplementedYet, Registry),
        new("LIQ-04", NotImplementedYet, Registry), new("LIQ-05", DecidedAgainst, "Virtual warehouses are outside this gateway."),
        new("LIQ-06", NotImplementedYet, Registry),
        new("RET-01", CoveredElsewhere, "C-01 and C-02."), new("RET-03", DecidedAgainst, "Virtual warehouses are outside this gateway."),
    ];
}
