namespace Esf.Domain.Rules.Registration;

/// <summary>GEN-01: the invoice is certified with a valid ЭЦП before it is processed (Section L).</summary>
public sealed class SignatureMustBeValid : IRegistrationRule
{
    public RuleDefinition Definition => RuleCatalogue.SignatureMustBeValid;

    public IEnumerable<RuleViolation> Check(RegistrationContext context)
    {
        if (!context.Signature.IsValid)
        {
            yield return Definition.Violation("signature");
        }
    }
}
