namespace Esf.Domain.Rules;

/// <summary>
/// Identity of a rule of the format-and-logic control (ФЛК): its stable id from the specification,
/// the <c>errorCode</c> of the real API, the Russian message (verbatim from the manual where it gives one) and an English one,
/// the fields it reads (property paths of the body, <c>[]</c> marking a repeated element) and its legal basis.
/// </summary>
public sealed record RuleDefinition(string Id, string ErrorCode, string MessageRu, string MessageEn, RuleStage Stage)
{
    /// <summary>The body fields the rule reads, e.g. <c>productSet.products.product[].ndsAmount</c>.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Where the rule comes from: manual lines (spec-invoice §5) or an item of the Rules.</summary>
    public string LegalBasis { get; init; } = "";

    /// <summary>How an ambiguity of the source was resolved, when there was one.</summary>
    public string? Decision { get; init; }

    public RuleViolation Violation(string property) => new(Id, ErrorCode, property, MessageRu);

    public RuleViolation Violation(string property, string detail) => new(Id, ErrorCode, property, $"{MessageRu}: {detail}");
}
