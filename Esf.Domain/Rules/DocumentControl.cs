using Esf.Domain.Invoices;

namespace Esf.Domain.Rules;

/// <summary>Runs every document (upload-stage) rule over one invoice and returns all violations together.</summary>
public static class DocumentControl
{
    public static IReadOnlyList<RuleViolation> Run(InvoiceDocument document) =>
        RuleCatalogue.DocumentRules.SelectMany(rule => rule.Check(document)).ToList();
}
