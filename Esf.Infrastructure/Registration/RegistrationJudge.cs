using Esf.Domain.Invoices;
using Esf.Domain.Rules;
using Esf.Domain.Rules.Registration;
using Esf.Domain.Rules.Registration.Snt;
using Esf.Domain.Waybills;

namespace Esf.Infrastructure.Registration;

/// <summary>
/// The registration-stage verdict on one checked invoice against its batch's registry, the same for the worker and the dry run.
/// What passes is recorded in the view for the invoices judged after it (in invoice-id order, so the first of two
/// same-numbered invoices is the one registered): its number is taken, its waybill and ЭГЗ act linked, and its original annulled
/// or supplemented. An invoice failed elsewhere records nothing (<see cref="BatchVerdicts"/> judges a batch again when a later
/// stage fails one).
/// </summary>
internal static class RegistrationJudge
{
    /// <param name="failedElsewhere">What fails the invoice outside these rules (a later stage of an earlier round, a sandbox
    /// fault): joined to the rules' violations, so the invoice fails and changes nothing in the view.</param>
    public static InvoiceVerdict Judge(CheckedInvoice invoice, BatchRegistryView registry, IReadOnlyList<RuleViolation>? failedElsewhere = null)
    {
        failedElsewhere ??= [];
        if (invoice.Document is not { } document)
        {
            var failed = InvoiceVerdict.ProcessingFailed(invoice.InvoiceId, invoice.Problem ?? "—");
            return failed with { Violations = [.. failed.Violations, .. failedElsewhere] };
        }

        var context = new RegistrationContext(document, invoice.Signature, registry);
        IReadOnlyList<RuleViolation> violations = [.. RegistrationControl.Run(context), .. failedElsewhere];
        var act = ProcurementBasis.Act(context);
        var related = Originals.Of(document.Body, registry);
        var cancels = document.InvoiceType == InvoiceType.FixedInvoice ? related : null;
        if (violations.Count == 0 && document is { SellerTin: { } seller, Date: { } date })
        {
            registry.Take(seller, document.Num, date);
            if (SntBasis.NumberOf(document.Body) is { } waybill)
            {
                // Its registration number is given when the verdicts are written; R004 counts it by number and date meanwhile.
                registry.Waybills?.Link(waybill, new LinkedInvoice("", document.Num, date, document.InvoiceType, InvoiceStatus.Created));
            }

            if (act is not null)
            {
                registry.Procurement?.Link(act.Document.Number, seller, new LinkedInvoice("", document.Num, date, document.InvoiceType, InvoiceStatus.Created));
            }

            if (cancels is not null)
            {
                registry.Cancel(cancels);
            }
            else if (related is not null && document.InvoiceType == InvoiceType.AdditionalInvoice)
            {
                registry.Supplement(related, document.Body.ProductSet.TotalPriceWithTax ?? 0m);
            }
        }

        var verdict = new InvoiceVerdict(invoice.InvoiceId, document, invoice.Signature.IsValid, violations) { Cancels = cancels, Related = related, ActNumber = act?.Document.Number };
        return failedElsewhere.Count == 0 ? verdict : verdict with { Cancels = null, Related = null };
    }
}
