namespace Esf.Domain.Rules;

/// <summary>
/// Identity of a rule of the format-and-logic control (ФЛК): its stable id from the specification,
/// the <c>errorCode</c> of the real API, the Russian message (verbatim from the manual where it gives one) and an English one.
/// </summary>
public sealed record RuleDefinition(string Id, string ErrorCode, string MessageRu, string MessageEn, RuleStage Stage)
{
    public RuleViolation Violation(string property) => new(Id, ErrorCode, property, MessageRu);

    public RuleViolation Violation(string property, string detail) => new(Id, ErrorCode, property, $"{MessageRu}: {detail}");
}
