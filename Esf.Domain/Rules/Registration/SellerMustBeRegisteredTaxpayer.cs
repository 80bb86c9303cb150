namespace Esf.Domain.Rules.Registration;

/// <summary>B-01: every seller's ИИН/БИН (6) is present and known to the registry.</summary>
public sealed class SellerMustBeRegisteredTaxpayer : IRegistrationRule
{
    public RuleDefinition Definition => RuleCatalogue.SellerMustBeRegisteredTaxpayer;

    public IEnumerable<RuleViolation> Check(RegistrationContext context)
    {
        var sellers = context.Document.Sellers;
        for (var i = 0; i < sellers.Count; i++)
        {
            if (sellers[i].Tin is not { Length: > 0 } tin || !context.Registry.TaxpayerExists(tin))
            {
                yield return Definition.Violation($"sellers.seller[{i}].tin", sellers[i].Tin ?? "—");
            }
        }
    }
}
