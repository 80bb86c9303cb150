namespace Esf.Domain.Rules;

/// <summary>A rule the worker runs before registering an invoice. It reports every violation it finds, never only the first.</summary>
public interface IRegistrationRule
{
    RuleDefinition Definition { get; }

    IEnumerable<RuleViolation> Check(RegistrationContext context);

    /// <summary>
    /// Adds the violations of <see cref="Check"/> to <paramref name="violations"/>, which is made at the first one: the worker's
    /// loop over every rule for every invoice (issue 17), where nearly every rule passes and a list per rule or invoice is waste.
    /// </summary>
    void AddViolations(RegistrationContext context, ref List<RuleViolation>? violations)
    {
        foreach (var violation in Check(context))
        {
            (violations ??= []).Add(violation);
        }
    }
}
