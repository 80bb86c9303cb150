using Esf.Domain.Invoices;
using Esf.Domain.Rules;

namespace Esf.Infrastructure.Registration;

/// <summary>What the control decided for one invoice: register it (no violations) or fail it with every violation.</summary>
internal sealed record InvoiceVerdict(long InvoiceId, InvoiceDocument? Document, bool SignatureValid, IReadOnlyList<RuleViolation> Violations)
{
    public bool Passed => Violations.Count == 0;

    /// <summary>API-06: the worker could not reach a verdict (an unreadable body, or every claim of its upload broke off).</summary>
    public static InvoiceVerdict ProcessingFailed(long invoiceId, string reason) =>
        new(invoiceId, null, false, [RuleCatalogue.ProcessingMustComplete.Violation("invoiceBody", reason)]);

    /// <summary>The original a registered corrected invoice annuls (CANCELED in the same transaction).</summary>
    public Domain.Rules.OriginalInvoice? Cancels { get; init; }

    /// <summary>The original of a registered corrected or additional invoice, stored as its related_invoice_id.</summary>
    public Domain.Rules.OriginalInvoice? Related { get; init; }

    /// <summary>The ЭГЗ act the invoice is issued on (stored as its procurement_act_number, EGZ-03).</summary>
    public string? ActNumber { get; init; }
}
