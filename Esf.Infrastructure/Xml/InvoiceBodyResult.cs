using Esf.Domain.Invoices;
using Esf.Domain.Rules;

namespace Esf.Infrastructure.Xml;

/// <summary>The typed view of a body (null when it is not even XML) and every upload-stage violation found in it.</summary>
public sealed record InvoiceBodyResult(InvoiceDocument? Document, IReadOnlyList<RuleViolation> Violations)
{
    public bool IsValid => Document is not null && Violations.Count == 0;
}
