using Esf.Domain.Rules;

namespace Esf.Infrastructure.Invoices;

/// <summary>The errors the control found for one invoice (queryInvoiceErrorById).</summary>
public sealed record InvoiceErrors(long InvoiceId, IReadOnlyList<RuleViolation> Errors);
