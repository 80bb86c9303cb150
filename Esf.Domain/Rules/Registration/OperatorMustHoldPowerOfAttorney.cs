namespace Esf.Domain.Rules.Registration;

/// <summary>
/// POA-01: an invoice signed with signatureType OPERATOR (facts §9.3: «ЭЦП лица, уполномоченного подписывать счета-фактуры»)
/// must be signed by a person who, on the day of registration (server time, not the date the seller wrote: security review
/// M5), holds an unrevoked power of attorney of the seller (field 6). The manuals give no message for this case; the text is
/// the gateway's own.
/// </summary>
public sealed class OperatorMustHoldPowerOfAttorney : IRegistrationRule
{
    public static readonly RuleDefinition Rule = new(
        "POA-01", "NO_REQUIRED_PERMISSIONS",
        "Подписавшее лицо не имеет действующей доверенности поставщика на подписание ЭСФ (signatureType OPERATOR)",
        "The signer holds no power of attorney of the seller valid on the registration day (signatureType OPERATOR)", RuleStage.Registration);

    public RuleDefinition Definition => Rule;

    public IEnumerable<RuleViolation> Check(RegistrationContext context)
    {
        var signature = context.Signature;
        if (signature.IsValid && signature.IsOperator && context.Document.SellerTin is { } seller
            && (signature.SignerIin is not { } iin || context.Registry.RegistrationDay is not { } day || !context.Registry.HoldsPowerOfAttorney(seller, iin, day)))
        {
            yield return Definition.Violation("x509Certificate", signature.SignerIin ?? "—");
        }
    }
}
