namespace Esf.Domain.Rules;

/// <summary>Why a catalogued check has no rule: decided against, covered elsewhere, or not implemented yet.</summary>
public enum RuleNoteKind
{
    /// <summary>Decided against, with the reason.</summary>
    DecidedAgainst,
    /// <summary>Enforced by another rule, the XSD or the pipeline (named in the reason).</summary>
    CoveredElsewhere,
    /// <summary>Not implemented yet: a gap, not a decision.</summary>
    NotImplementedYet,
}
