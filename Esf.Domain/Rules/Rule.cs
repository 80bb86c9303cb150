namespace Esf.Domain.Rules;

/// <summary>
/// A rule over one subject (a waybill, or a waybill with its signature and the registry), given as its definition and a check
/// that yields the paths of the broken fields: the invoice's <see cref="DocumentRule"/> and <see cref="RegistryRule"/> for
/// any document.
/// </summary>
public sealed class Rule<TSubject>(RuleDefinition definition, Func<TSubject, IEnumerable<string>> brokenPaths)
{
    public RuleDefinition Definition => definition;

    public IEnumerable<RuleViolation> Check(TSubject subject) => brokenPaths(subject).Select(definition.Violation);
}
