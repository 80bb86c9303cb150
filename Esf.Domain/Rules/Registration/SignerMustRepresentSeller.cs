namespace Esf.Domain.Rules.Registration;

/// <summary>
/// B-02: the seller (6) is the signer's entity: an entity's key names its БИН, an entrepreneur's or individual's key its ИИН.
/// Operators acting under a power of attorney (signatureType OPERATOR) are checked by <see cref="OperatorMustHoldPowerOfAttorney"/>.
/// </summary>
public sealed class SignerMustRepresentSeller : IRegistrationRule
{
    public RuleDefinition Definition => RuleCatalogue.SignerMustRepresentSeller;

    public IEnumerable<RuleViolation> Check(RegistrationContext context)
    {
        if (context.Signature.IsValid && !context.Signature.IsOperator && context.Document.SellerTin is { } seller && !context.Signature.Represents(seller))
        {
            yield return Definition.Violation("x509Certificate", context.Signature.SignerBin ?? context.Signature.SignerIin ?? "—");
        }
    }
}
