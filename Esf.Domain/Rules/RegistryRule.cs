namespace Esf.Domain.Rules;

/// <summary>A registration rule given as its definition and a check over the context (document, signature, registry).</summary>
public sealed class RegistryRule(RuleDefinition definition, Func<RegistrationContext, IEnumerable<string>> brokenPaths) : IRegistrationRule
{
    public RuleDefinition Definition => definition;

    public IEnumerable<RuleViolation> Check(RegistrationContext context) => brokenPaths(context).Select(definition.Violation);
}
