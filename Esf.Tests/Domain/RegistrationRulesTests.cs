using Esf.Domain.Rules;
using Esf.Domain.Rules.Registration;
using NUnit.Framework;
using static Esf.Tests.Domain.RuleTestData;

namespace Esf.Tests.Domain;

/// <summary>Each registration rule: the valid invoice passes it, one minimal change breaks it with exactly its id.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RegistrationRulesTests
{
    private static IEnumerable<TestCaseData> Rules() => RuleCatalogue.RegistrationRules.Select(r => new TestCaseData(r).SetArgDisplayNames(r.Definition.Id));

    [TestCaseSource(nameof(Rules))]
    public void Rule_WhenInvoiceIsValid_Passes(IRegistrationRule rule) =>
        Assert.That(rule.Check(Context()), Is.Empty);

    [Test]
    public void SignatureMustBeValid_WhenSignatureDoesNotVerify_FailsWithGen01() =>
        AssertBroken<SignatureMustBeValid>(Context(signature: ValidSignatureOfSeller with { IsValid = false }), "GEN-01", "signature");

    [Test]
    public void SignerMustRepresentSeller_WhenCertificateNamesAnotherEntity_FailsWithB02() =>
        AssertBroken<SignerMustRepresentSeller>(Context(signature: ValidSignatureOfSeller with { SignerBin = "999999999999" }), "B-02", "x509Certificate");

    [Test]
    public void SignerMustRepresentSeller_WhenPersonalKeyOfEntrepreneurSeller_Passes() =>
        Assert.That(new SignerMustRepresentSeller().Check(Context(signature: new SignatureCheck(true, Seller, null))), Is.Empty);

    [Test]
    public void NumberAndDateMustBeUniqueForSeller_WhenNumberAndDateTaken_FailsWithA02()
    {
        var registry = new FakeRegistry();
        registry.Taken.Add((Seller, "1001", Date));

        AssertBroken<NumberAndDateMustBeUniqueForSeller>(Context(registry: registry), "A-02", "num");
    }

    [Test]
    public void SellerMustBeRegisteredTaxpayer_WhenSellerUnknown_FailsWithB01() =>
        AssertBroken<SellerMustBeRegisteredTaxpayer>(Context(registry: new FakeRegistry(Seller)), "B-01", "sellers.seller[0].tin");

    [Test]
    public void CustomerMustBeRegisteredTaxpayer_WhenCustomerUnknown_FailsWithC02() =>
        AssertBroken<CustomerMustBeRegisteredTaxpayer>(Context(registry: new FakeRegistry(Customer)), "C-02", "customers.customer[0].tin");

    [Test]
    public void CustomerMustBeRegisteredTaxpayer_WhenUnknownCustomerIsNonResident_Passes() =>
        Assert.That(new CustomerMustBeRegisteredTaxpayer().Check(
            Context(Document(nonResidentCustomer: true), registry: new FakeRegistry(Customer))), Is.Empty);

    [Test]
    public void RegistrationControl_WhenSeveralRulesBroken_ReportsEveryViolation()
    {
        var context = Context(signature: ValidSignatureOfSeller with { IsValid = false }, registry: new FakeRegistry(Seller, Customer));

        Assert.That(RegistrationControl.Run(context).Select(v => v.RuleId), Is.EqualTo(new[] { "GEN-01", "B-01", "C-02" }));
    }

    private static void AssertBroken<TRule>(RegistrationContext context, string ruleId, string property) where TRule : IRegistrationRule, new()
    {
        var violations = new TRule().Check(context).ToList();

        Assert.That(violations.Select(v => (v.RuleId, v.Property)), Is.EqualTo(new[] { (ruleId, property) }));
    }
}
