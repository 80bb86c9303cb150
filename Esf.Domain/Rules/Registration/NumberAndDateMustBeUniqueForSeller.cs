namespace Esf.Domain.Rules.Registration;

/// <summary>A-02: the number (1.1) is unique within the date (2) for one seller.</summary>
public sealed class NumberAndDateMustBeUniqueForSeller : IRegistrationRule
{
    public RuleDefinition Definition => RuleCatalogue.NumberAndDateMustBeUniqueForSeller;

    public IEnumerable<RuleViolation> Check(RegistrationContext context)
    {
        var document = context.Document;
        if (document.SellerTin is { } seller && document.Date is { } date && context.Registry.IsNumberTaken(seller, document.Num, date))
        {
            yield return Definition.Violation("num");
        }
    }
}
