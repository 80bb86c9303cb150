namespace Esf.Domain.Rules;

/// <summary>A check of spec-invoice §5 that is not a rule of its own here, and why.</summary>
public sealed record RuleNote(string Id, RuleNoteKind Kind, string Reason);
