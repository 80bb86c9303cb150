namespace Esf.Domain.Rules;

/// <summary>A rule the worker runs before registering an invoice. It reports every violation it finds, never only the first.</summary>
public interface IRegistrationRule
{
    RuleDefinition Definition { get; }

    IEnumerable<RuleViolation> Check(RegistrationContext context);
}
