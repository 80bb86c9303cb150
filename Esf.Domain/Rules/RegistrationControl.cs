namespace Esf.Domain.Rules;

/// <summary>Runs every registration rule over one invoice and returns all violations together.</summary>
public static class RegistrationControl
{
    public static IReadOnlyList<RuleViolation> Run(RegistrationContext context) =>
        RuleCatalogue.RegistrationRules.SelectMany(rule => rule.Check(context)).ToList();
}
