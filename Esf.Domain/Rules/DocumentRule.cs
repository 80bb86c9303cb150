using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;

namespace Esf.Domain.Rules;

/// <summary>A document rule given as its definition and a check over the body; the check yields the paths of the broken fields.</summary>
public sealed class DocumentRule(RuleDefinition definition, Func<InvoiceBody, IEnumerable<string>> brokenPaths) : IDocumentRule
{
    public RuleDefinition Definition => definition;

    // A plain loop: Select(definition.Violation) made a delegate and an iterator per rule per invoice, ≈ 70 rules on every upload.
    public IEnumerable<RuleViolation> Check(InvoiceDocument document)
    {
        foreach (var path in brokenPaths(document.Body))
        {
            yield return definition.Violation(path);
        }
    }
}
