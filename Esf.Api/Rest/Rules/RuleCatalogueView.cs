using Esf.Domain.Rules;

namespace Esf.Api.Rest.Rules;

/// <summary>The catalogue: the rules that run, and the checks of the manual that do not (decided against, covered elsewhere, not yet).</summary>
public sealed record RuleCatalogueView(IReadOnlyList<RuleView> Rules, IReadOnlyList<RuleNoteView> Notes)
{
    public static RuleCatalogueView Current { get; } = new(
        RuleCatalogue.All.Select(RuleView.From).ToList(),
        RuleNotes.All.Select(n => new RuleNoteView(n.Id, n.Kind.ToString(), n.Reason)).ToList());
}

/// <summary>A check without a rule of its own, and why.</summary>
public sealed record RuleNoteView(string Id, string Kind, string Reason);
