using Esf.Domain.Rules;

namespace Esf.Infrastructure.Registration;

/// <summary>The outcome of a dry run: every violation of every stage, and whether the signature rules ran.</summary>
public sealed record InvoiceValidation(bool Valid, IReadOnlyList<RuleViolation> Violations, bool SignatureChecked);
