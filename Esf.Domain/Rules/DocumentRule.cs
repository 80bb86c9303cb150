using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;

namespace Esf.Domain.Rules;

/// <summary>A document rule given as its definition and a check over the body; the check yields the paths of the broken fields.</summary>
public sealed class DocumentRule(RuleDefinition definition, Func<InvoiceBody, IEnumerable<string>> brokenPaths) : IDocumentRule
{
    public RuleDefinition Definition => definition;

    public IEnumerable<RuleViolation> Check(InvoiceDocument document) => brokenPaths(document.Body).Select(definition.Violation);
}
