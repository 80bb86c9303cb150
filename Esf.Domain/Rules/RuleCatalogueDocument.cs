using System.Text;

namespace Esf.Domain.Rules;

/// <summary>Renders the catalogue as the Markdown of <c>docs/rules.md</c>, so the documentation cannot drift from the code.</summary>
public static class RuleCatalogueDocument
{
    public static string Render()
    {
        var text = new StringBuilder();
        text.AppendLine("# Rules of the format-and-logic control (ФЛК)");
        text.AppendLine();
        text.AppendLine("Generated from `Esf.Domain/Rules/RuleCatalogue.cs` by the test `RuleCatalogueDocumentTests`");
        text.AppendLine("(run the tests with `ESF_UPDATE_DOCS=1` to rewrite it). Ids are those of `shared/spec/spec-invoice.md` §5;");
        text.AppendLine("`API-` ids are checks of the API envelope itself, `DIC-` ids codes checked against an imported dictionary.");
        text.AppendLine("`SNT-Rnnn` ids are the rules of `shared/spec/spec-snt.md` §9 for an invoice issued on a waybill (СНТ): they run on");
        text.AppendLine("every invoice and apply when its field 32.1 names a waybill (docs/snt.md). `SNT-F` and `SNT-W` ids, listed last with");
        text.AppendLine("`SNT-API-01` and `SNT-GEN-11`, are the waybill's own control (ours: the seeds give none). A violation at **upload**");
        text.AppendLine("declines the document (`declinedSet`, nothing stored); at **registration** the worker fails it (`FAILED`, every error in");
        text.AppendLine("`queryInvoiceErrorById`, the first error code as `cancelReason`).");
        text.AppendLine();
        text.AppendLine($"Implemented: **{RuleCatalogue.All.Count}** rules; decided against: **{Count(RuleNoteKind.DecidedAgainst)}**; " +
            $"covered by another rule or the pipeline: **{Count(RuleNoteKind.CoveredElsewhere)}**; not implemented yet: **{Count(RuleNoteKind.NotImplementedYet)}**.");
        text.AppendLine();
        text.AppendLine("| Id | Stage | errorCode | Message (ru) | Message (en) | Fields read | Legal basis |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var rule in RuleCatalogue.All)
        {
            text.AppendLine($"| {rule.Id} | {rule.Stage.ToString().ToLowerInvariant()} | `{rule.ErrorCode}` | {Cell(rule.MessageRu)} | {Cell(rule.MessageEn)} | " +
                $"{string.Join("<br>", rule.Fields.Select(f => $"`{f}`"))} | {Cell(rule.LegalBasis)} |");
        }

        text.AppendLine();
        text.AppendLine("## Decisions per rule");
        text.AppendLine();
        foreach (var rule in RuleCatalogue.All.Where(r => r.Decision is not null))
        {
            text.AppendLine($"- **{rule.Id}**: {rule.Decision}");
        }

        foreach (var kind in Enum.GetValues<RuleNoteKind>().Where(k => RuleNotes.All.Any(n => n.Kind == k)))
        {
            text.AppendLine();
            text.AppendLine(kind switch
            {
                RuleNoteKind.DecidedAgainst => "## Decided against",
                RuleNoteKind.CoveredElsewhere => "## Covered by another rule, the XSD or the pipeline",
                _ => "## Not implemented yet",
            });
            text.AppendLine();
            foreach (var note in RuleNotes.All.Where(n => n.Kind == kind))
            {
                text.AppendLine($"- **{note.Id}**: {note.Reason}");
            }
        }

        text.AppendLine();
        text.AppendLine(Decisions);
        return text.ToString();
    }

    private static int Count(RuleNoteKind kind) => RuleNotes.All.Count(n => n.Kind == kind);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private const string Decisions = """
        ## General decisions

        - **A-02** uses the manual's exact words. Uniqueness is among *registered* invoices of the seller (a unique index on
          seller, number and date where a registration number exists), so a FAILED invoice never blocks its number.
          Two invoices of one upload with one number and date: the second is declined at once (API-05,
          `NOT_UNIQUE_MEMORY_ERROR_MSG`, the same words).
        - **B-01** checks every seller block against the registry (a deregistered taxpayer counts as absent). **B-02**: the
          certificate names the seller — an entity's key by its БИН (`OU=BIN…`), an entrepreneur's or individual's key by its
          ИИН (`SERIALNUMBER=IIN…`) when it names no entity. An operator (signatureType OPERATOR) signs with a key of its own and is
          checked by **POA-01** instead: a power of attorney of the seller valid on the registration day.
        - **C-02** skips customers with the category `NONRESIDENT` (category F of field 20): their identifiers are foreign.
        - **GEN-01**: the signature is Base64 over the exact UTF-8 bytes of `invoiceBody` as received, verified with the upload's
          certificate: RSA PKCS#1 v1.5 with SHA-256, or GOST (docs/security.md, "GOST and certificates").
        - **GEN-11** covers the schema (`contracts/xsd`) and the two fields every stored invoice needs: a `dd.MM.yyyy` date
          and a seller's ИИН/БИН.
        - The registration day in the number is the day of registration in Kazakhstan time (UTC+5); its 8-digit tail is unique and
          non-sequential (Rules p.3.15), a keyed permutation of a counter (ADR 0018).
        - Light rules (the document alone, stage **upload**) decline the invoice with every violation at once; the seed gives exact texts
          for four checks only (A-02, C-04, the two reorganization reasons) — every other Russian message is ours, in the manual's style.
        - Amounts are decimals (never floating point) with the scale they were written with; rounding is half away from zero to 2 places.
        - V1 bodies: the facts describe InvoiceV1 only as a container choice, not its elements, so no V1 body XSD is written; a V1
          upload is declined by API-02 (unsupported version).
        - **Invoices issued on a waybill (SNT-R)**: an invoice is issued on a waybill when its 32.1 (`deliveryDocNum`) holds a
          42-digit waybill registration number. The expected values of every read-only field are those `InvoicePrefill`
          (Tables 28 and 29) gives from the registered waybill, so the mapping and the checks cannot disagree. A view that holds
          no waybills (`IRegistryView.Waybills` null) cannot decide: the SNT rules pass. The seed gives no message text for any
          of them (spec-snt §0.3): every Russian message is ours. docs/snt.md lists the ambiguities of spec-snt §10 and their decisions.
        """;
}
