namespace Esf.Domain.Rules;

/// <summary>A registration rule given as its definition and a check over the context (document, signature, registry).</summary>
public sealed class RegistryRule(RuleDefinition definition, Func<RegistrationContext, IEnumerable<string>> brokenPaths) : IRegistrationRule
{
    public RuleDefinition Definition => definition;

    public IEnumerable<RuleViolation> Check(RegistrationContext context) => brokenPaths(context).Select(definition.Violation);

    // The paths straight into the list: no Select iterator and no delegate per rule per invoice, and a violation (with its
    // message) only for a broken path.
    public void AddViolations(RegistrationContext context, ref List<RuleViolation>? violations)
    {
        foreach (var path in brokenPaths(context))
        {
            (violations ??= []).Add(definition.Violation(path));
        }
    }
}
