namespace Esf.Domain.Rules.Registration;

/// <summary>
/// B-02: the seller (6) is the signer's entity: an entity's key names its БИН (and its holder's НУЦ РК role signs for the
/// entity: head, signing right, information system), an entrepreneur's or individual's key its ИИН.
/// Operators acting under a power of attorney (signatureType OPERATOR) are checked by <see cref="OperatorMustHoldPowerOfAttorney"/>.
/// </summary>
public sealed class SignerMustRepresentSeller : IRegistrationRule
{
    public RuleDefinition Definition => RuleCatalogue.SignerMustRepresentSeller;

    public IEnumerable<RuleViolation> Check(RegistrationContext context)
    {
        if (context.Signature.IsValid && !context.Signature.IsOperator && context.Document.SellerTin is { } seller && !context.Signature.Represents(seller))
        {
            var signer = context.Signature.SignerBin ?? context.Signature.SignerIin ?? "—";
            yield return Definition.Violation("x509Certificate", context.Signature.MaySignForEntity
                ? signer
                : $"{signer}: роль владельца ключа в НУЦ РК не дает права подписи за организацию (the key holder's role does not sign for the entity)");
        }
    }
}
