using Esf.Domain.Rules;

namespace Esf.Infrastructure.Errors;

/// <summary>
/// A request refused by a rule of the catalogue as a whole (not one document of it): the SOAP fault and the REST problem carry
/// the rule's errorCode, and the problem also its id (<c>ruleId</c>); the text starts with the id and the Russian message.
/// </summary>
public sealed class RuleRefusal(EsfFaultKind kind, RuleDefinition rule, string detail)
    : EsfException(kind, $"{rule.Id}: {rule.MessageRu} ({detail})", rule.ErrorCode)
{
    public string RuleId { get; } = rule.Id;
}
