namespace Esf.Domain.Rules.Registration;

/// <summary>
/// C-02: a customer's ИИН/БИН (16), when filled, is known to the registry
/// («выписка ЭСФ на вводимый ИИН/БИН не допустима»). Non-residents (category F) are exempt.
/// </summary>
public sealed class CustomerMustBeRegisteredTaxpayer : IRegistrationRule
{
    public RuleDefinition Definition => RuleCatalogue.CustomerMustBeRegisteredTaxpayer;

    public IEnumerable<RuleViolation> Check(RegistrationContext context)
    {
        var customers = context.Document.Customers;
        for (var i = 0; i < customers.Count; i++)
        {
            var customer = customers[i];
            if (!customer.IsNonResident && customer.Tin is { Length: > 0 } tin && !context.Registry.TaxpayerExists(tin))
            {
                yield return Definition.Violation($"customers.customer[{i}].tin", tin);
            }
        }
    }
}
