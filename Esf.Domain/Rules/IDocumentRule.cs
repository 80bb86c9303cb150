using Esf.Domain.Invoices;

namespace Esf.Domain.Rules;

/// <summary>A light rule: it reads the invoice alone and runs at upload (a violation declines the invoice).</summary>
public interface IDocumentRule
{
    RuleDefinition Definition { get; }

    IEnumerable<RuleViolation> Check(InvoiceDocument document);
}
