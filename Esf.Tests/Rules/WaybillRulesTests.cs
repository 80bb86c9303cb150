using Esf.Domain.Rules;
using Esf.Domain.Rules.Waybills;
using Esf.Domain.Waybills;
using NUnit.Framework;
using static Esf.Tests.Rules.WaybillScenarios;

namespace Esf.Tests.Rules;

/// <summary>Each rule of the waybill's own control: the valid sample passes it, the minimal change of its case breaks it with its id.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class WaybillRulesTests
{
    private static IEnumerable<TestCaseData> DocumentRules() =>
        WaybillRuleCatalogue.DocumentRules.Select(r => new TestCaseData(r).SetArgDisplayNames(r.Definition.Id));

    private static IEnumerable<TestCaseData> RegistrationRules() =>
        WaybillRuleCatalogue.RegistrationRules.Select(r => new TestCaseData(r).SetArgDisplayNames(r.Definition.Id));

    [Test]
    public void WaybillControl_WhenTheSampleIsChecked_FindsNothing() => AssertValid(new WaybillRuleCase());

    [TestCaseSource(nameof(DocumentRules))]
    public void DocumentRule_WhenItsCaseIsApplied_FailsWithItsIdAndMessage(Rule<WaybillDocument> rule)
    {
        var broken = new WaybillRuleCase();
        WaybillRuleCases.All[rule.Definition.Id](broken);

        AssertBroken(rule.Definition, rule.Check(broken.Document).ToList());
        Assert.That(rule.Check(new WaybillRuleCase().Document), Is.Empty);
    }

    [TestCaseSource(nameof(RegistrationRules))]
    public void RegistrationRule_WhenItsCaseIsApplied_FailsWithItsIdAndMessage(Rule<WaybillRegistrationContext> rule)
    {
        var broken = new WaybillRuleCase();
        WaybillRuleCases.All[rule.Definition.Id](broken);

        AssertBroken(rule.Definition, rule.Check(broken.Context).ToList());
        Assert.That(rule.Check(new WaybillRuleCase().Context), Is.Empty);
    }

    [Test]
    public void EveryWaybillRule_HasABreakingCase() =>
        Assert.That(WaybillRuleCases.All.Keys,
            Is.EquivalentTo(WaybillRuleCatalogue.DocumentRules.Select(r => r.Definition.Id).Concat(WaybillRuleCatalogue.RegistrationRules.Select(r => r.Definition.Id))));

    [Test]
    public void RegistrationRules_WhenACorrectedWaybillReplacesADeclinedPrimary_FindNothing()
    {
        var valid = new WaybillRuleCase();
        var primary = Primary();
        valid.Registry.WaybillStore.Add(primary, WaybillStatus.Declined);
        valid.Body = Corrected(primary).Body;

        AssertValid(valid);
    }

    [Test]
    public void RegistrationRules_WhenTheBuyerReturnsPartOfAConfirmedWaybill_FindNothing()
    {
        var valid = new WaybillRuleCase { Signature = new(true, "870101300123", ValidBody.Customer) };
        var primary = Primary();
        valid.Registry.WaybillStore.Add(primary, WaybillStatus.Confirmed);
        valid.Body = Return(primary).Body;

        AssertValid(valid);
    }

    [Test]
    public void LinkRules_WhenTheViewHoldsNoWaybills_CannotDecideAndPass()
    {
        var broken = new WaybillRuleCase();
        WaybillRuleCases.All["SNT-W09"](broken);
        var blind = new WaybillRegistrationContext(broken.Document, broken.Signature, new RuleTestRegistry());

        Assert.That(WaybillRuleCatalogue.CheckRegistration(blind), Is.Empty);
    }

    private static void AssertValid(WaybillRuleCase valid)
    {
        Assert.That(WaybillRuleCatalogue.CheckDocument(valid.Document), Is.Empty);
        Assert.That(WaybillRuleCatalogue.CheckRegistration(valid.Context), Is.Empty);
    }

    private static void AssertBroken(RuleDefinition definition, List<RuleViolation> violations)
    {
        Assert.That(violations, Is.Not.Empty);
        Assert.That(violations.Select(v => v.RuleId), Is.All.EqualTo(definition.Id));
        Assert.That(violations.Select(v => v.Message), Is.All.StartsWith(definition.MessageRu));
        Assert.That(violations.Select(v => v.ErrorCode), Is.All.EqualTo(definition.ErrorCode));
    }

    /// <summary>A registry that knows every taxpayer and no waybill, as the invoice pipeline's view does before it is extended.</summary>
    private sealed class RuleTestRegistry : IRegistryView
    {
        public bool TaxpayerExists(string tin) => true;

        public bool IsNumberTaken(string sellerTin, string num, DateOnly date) => false;
    }
}
