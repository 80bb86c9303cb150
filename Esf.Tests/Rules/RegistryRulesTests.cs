using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules;
using NUnit.Framework;

namespace Esf.Tests.Rules;

/// <summary>Each registration rule: the valid invoice with a registry that knows it passes; its case breaks it with exactly its id.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RegistryRulesTests
{
    private static readonly SignatureCheck ValidSignature = new(true, "870101300123", ValidBody.Seller);

    private static IEnumerable<TestCaseData> Rules() => RuleCatalogue.RegistrationRules
        .Where(r => !RegistryRuleCases.CoveredElsewhere.Contains(r.Definition.Id))
        .Select(r => new TestCaseData(r).SetArgDisplayNames(r.Definition.Id));

    private static RegistrationContext Context(InvoiceBody body, FakeRegistryView registry)
    {
        var document = ValidBody.Document(body) with
        {
            Sellers = body.Sellers.Select(s => new InvoiceParty(s.Tin, s.Name)).ToList(),
            Customers = body.Customers.Select(c => new InvoiceParty(c.Tin, c.Name, c.Has("NONRESIDENT"))).ToList(),
        };
        return new RegistrationContext(document, ValidSignature, registry);
    }

    [Test]
    public void RegistrationControl_WhenInvoiceIsValid_FindsNothing() =>
        Assert.That(RegistrationControl.Run(Context(ValidBody.Create(), new FakeRegistryView())), Is.Empty);

    [TestCaseSource(nameof(Rules))]
    public void Rule_WhenItsCaseIsApplied_FailsWithItsIdAndMessage(IRegistrationRule rule)
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        RegistryRuleCases.All[rule.Definition.Id](body, registry);

        var violations = rule.Check(Context(body, registry)).ToList();

        Assert.That(violations, Is.Not.Empty);
        Assert.That(violations.Select(v => v.RuleId), Is.All.EqualTo(rule.Definition.Id));
        Assert.That(violations.Select(v => v.Message), Is.All.StartsWith(rule.Definition.MessageRu));
    }

    [TestCaseSource(nameof(Rules))]
    public void Rule_WhenInvoiceIsValid_Passes(IRegistrationRule rule) =>
        Assert.That(rule.Check(Context(ValidBody.Create(), new FakeRegistryView())), Is.Empty);

    [Test]
    public void EveryRegistrationRule_HasABreakingCase() =>
        Assert.That(RegistryRuleCases.All.Keys, Is.SupersetOf(RuleCatalogue.RegistrationRules.Select(r => r.Definition.Id)));

    [TestCase("DIC-01")]
    [TestCase("DIC-02")]
    [TestCase("DIC-03")]
    [TestCase("DIC-04")]
    public void DictionaryRule_WhenTheDictionaryIsEmpty_Passes(string id)
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        RegistryRuleCases.All[id](body, registry);
        registry.Countries.Clear();
        registry.Currencies.Clear();

        var rule = RuleCatalogue.RegistrationRules.Single(r => r.Definition.Id == id);

        Assert.That(rule.Check(Context(body, registry)), Is.Empty);
    }

    [Test]
    public void ReorganizationRules_WhenTheReasonIsTheManuals_QuoteItVerbatim()
    {
        Assert.That(RuleCatalogue.All.Single(r => r.Id == "REO-02").MessageRu, Is.EqualTo("Выписка дополнительного ЭСФ возможна только на возврат товара"));
        Assert.That(RuleCatalogue.All.Single(r => r.Id == "REO-03").MessageRu, Is.EqualTo("Реорганизованное лицо не может быть участником исправленного ЭСФ"));
    }
}
