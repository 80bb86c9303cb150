using Esf.Domain.Invoices;

namespace Esf.Domain.Rules;

/// <summary>Runs every document (upload-stage) rule over one invoice and returns all violations together.</summary>
public static class DocumentControl
{
    // A loop, and no list while nothing is broken (the common case): this runs for every uploaded invoice.
    public static IReadOnlyList<RuleViolation> Run(InvoiceDocument document)
    {
        List<RuleViolation>? violations = null;
        foreach (var rule in RuleCatalogue.DocumentRules)
        {
            foreach (var violation in rule.Check(document))
            {
                (violations ??= []).Add(violation);
            }
        }

        return violations ?? (IReadOnlyList<RuleViolation>)[];
    }
}
