namespace Esf.Domain.Rules;

/// <summary>
/// One broken rule: which rule, which field (a property path the sender recognises, e.g. <c>sellers.seller[0].tin</c>),
/// the real API's <c>errorCode</c>, and the Russian message the sender sees.
/// </summary>
public sealed record RuleViolation(string RuleId, string ErrorCode, string Property, string Message);
