using Esf.Domain.Rules;

namespace Esf.Api.Rest.Rules;

/// <summary>One rule of the catalogue as GET /api/v1/rules lists it.</summary>
public sealed record RuleView(
    string Id, string Stage, string ErrorCode, string MessageRu, string MessageEn, IReadOnlyList<string> Fields, string LegalBasis, string? Decision)
{
    public static RuleView From(RuleDefinition rule) => new(rule.Id, rule.Stage.ToString().ToLowerInvariant(), rule.ErrorCode, rule.MessageRu,
        rule.MessageEn, rule.Fields, rule.LegalBasis, rule.Decision);
}
