using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules;
using Esf.Domain.Rules.Document;
using Esf.Domain.Rules.Registration;
using NUnit.Framework;

namespace Esf.Tests.Rules;

/// <summary>
/// Each registration rule: the valid invoice with a registry that knows it passes; its case breaks it with exactly its id.
/// The rules whose case is the signature or the taken numbers (<see cref="RegistryRuleCases.CoveredElsewhere"/>) have their
/// own tests below.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RegistryRulesTests
{
    private static readonly SignatureCheck ValidSignature = new(true, "870101300123", ValidBody.Seller);

    private static IEnumerable<TestCaseData> AllRules() => Cases(RuleCatalogue.RegistrationRules);

    private static IEnumerable<TestCaseData> Rules() =>
        Cases(RuleCatalogue.RegistrationRules.Where(r => !RegistryRuleCases.CoveredElsewhere.Contains(r.Definition.Id)));

    private static IEnumerable<TestCaseData> Cases(IEnumerable<IRegistrationRule> rules) =>
        rules.Select(r => new TestCaseData(r).SetArgDisplayNames(r.Definition.Id));

    /// <summary>The valid body as the worker sees it: its parties (a non-resident customer by its category) and its date.</summary>
    private static RegistrationContext Context(InvoiceBody body, FakeRegistryView registry, SignatureCheck? signature = null)
    {
        var document = ValidBody.Document(body) with
        {
            Date = ValidBody.Day,
            Sellers = body.Sellers.Select(s => new InvoiceParty(s.Tin, s.Name)).ToList(),
            Customers = body.Customers.Select(c => new InvoiceParty(c.Tin, c.Name, c.Has("NONRESIDENT"))).ToList(),
        };
        return new RegistrationContext(document, signature ?? ValidSignature, registry);
    }

    private static RegistrationContext Valid(SignatureCheck? signature = null, FakeRegistryView? registry = null) =>
        Context(ValidBody.Create(), registry ?? new FakeRegistryView(), signature);

    [Test]
    public void RegistrationControl_WhenInvoiceIsValid_FindsNothing() =>
        Assert.That(RegistrationControl.Run(Context(ValidBody.Create(), new FakeRegistryView())), Is.Empty);

    /// <summary>
    /// Rules p.22.4: a corrected or additional invoice to one issued on paper only (never in the system), when there was no
    /// requirement to issue it electronically (MISSING_REQUIREMENT), carries 2.1 and cannot name a registered original; any other
    /// reason, or a registration number, still needs the registered original.
    /// </summary>
    [TestCase("COR-01", "MISSING_REQUIREMENT", null, false)]
    [TestCase("ADD-01", "MISSING_REQUIREMENT", null, false)]
    [TestCase("COR-01", "DOWN_TIME", null, true)]
    [TestCase("ADD-01", "MISSING_REQUIREMENT", "ESF-000000000000-20261110-00000001", true)]
    public void RelatedInvoiceRule_WhenTheOriginalWasIssuedOnPaperOnly_LooksForItOnlyWhenItCanBeRegistered(
        string ruleId, string reasonPaper, string? registrationNumber, bool fails)
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        RegistryRuleCases.All[ruleId](body, registry);
        (body.DatePaper, body.ReasonPaper, body.RelatedInvoice!.RegistrationNumber) = (body.RelatedInvoice!.Date, reasonPaper, registrationNumber);

        var violations = RuleCatalogue.RegistrationRules.Single(r => r.Definition.Id == ruleId).Check(Context(body, registry));

        Assert.That(violations.Select(v => v.RuleId), Is.EqualTo(fails ? new[] { ruleId } : []));
    }

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

    [TestCaseSource(nameof(AllRules))]
    public void Rule_WhenInvoiceIsValid_Passes(IRegistrationRule rule) =>
        Assert.That(rule.Check(Valid()), Is.Empty);

    [Test]
    public void SignatureMustBeValid_WhenSignatureDoesNotVerify_FailsWithGen01() =>
        AssertBroken<SignatureMustBeValid>(Valid(signature: ValidSignature with { IsValid = false }), "GEN-01", "signature");

    [Test]
    public void SignerMustRepresentSeller_WhenCertificateNamesAnotherEntity_FailsWithB02() =>
        AssertBroken<SignerMustRepresentSeller>(Valid(signature: ValidSignature with { SignerBin = "999999999999" }), "B-02", "x509Certificate");

    [Test]
    public void SignerMustRepresentSeller_WhenPersonalKeyOfEntrepreneurSeller_Passes() =>
        Assert.That(new SignerMustRepresentSeller().Check(Valid(signature: new SignatureCheck(true, ValidBody.Seller, null))), Is.Empty);

    [Test]
    public void NumberAndDateMustBeUniqueForSeller_WhenNumberAndDateTaken_FailsWithA02()
    {
        var registry = new FakeRegistryView();
        registry.TakenNumbers.Add((ValidBody.Seller, "1001", ValidBody.Day));

        AssertBroken<NumberAndDateMustBeUniqueForSeller>(Valid(registry: registry), "A-02", "num");
    }

    [Test]
    public void SellerMustBeRegisteredTaxpayer_WhenSellerUnknown_FailsWithB01() =>
        AssertBroken<SellerMustBeRegisteredTaxpayer>(Valid(registry: Without(ValidBody.Seller)), "B-01", "sellers.seller[0].tin");

    [Test]
    public void CustomerMustBeRegisteredTaxpayer_WhenCustomerUnknown_FailsWithC02() =>
        AssertBroken<CustomerMustBeRegisteredTaxpayer>(Valid(registry: Without(ValidBody.Customer)), "C-02", "customers.customer[0].tin");

    [Test]
    public void CustomerMustBeRegisteredTaxpayer_WhenUnknownCustomerIsNonResident_Passes()
    {
        var body = ValidBody.Create();
        body.Customers[0].Statuses = [Categories.NonResident];

        Assert.That(new CustomerMustBeRegisteredTaxpayer().Check(Context(body, Without(ValidBody.Customer))), Is.Empty);
    }

    [Test]
    public void RegistrationControl_WhenSeveralRulesBroken_ReportsEveryViolation()
    {
        var context = Valid(signature: ValidSignature with { IsValid = false }, registry: Without(ValidBody.Seller, ValidBody.Customer));

        Assert.That(RegistrationControl.Run(context).Select(v => v.RuleId), Is.EqualTo(new[] { "GEN-01", "B-01", "C-02" }));
    }

    [Test]
    public void EveryRegistrationRule_HasABreakingCase() =>
        Assert.That(RegistryRuleCases.All.Keys, Is.SupersetOf(RuleCatalogue.RegistrationRules.Select(r => r.Definition.Id)));

    [TestCase("DIC-01")]
    [TestCase("DIC-02")]
    [TestCase("DIC-03")]
    [TestCase("DIC-04")]
    [TestCase("B-20")]
    public void DictionaryRule_WhenTheDictionaryIsEmpty_Passes(string id)
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        RegistryRuleCases.All[id](body, registry);
        registry.Countries.Clear();
        registry.Currencies.Clear();
        registry.Accounts.Clear();

        var rule = RuleCatalogue.RegistrationRules.Single(r => r.Definition.Id == id);

        Assert.That(rule.Check(Context(body, registry)), Is.Empty);
    }

    /// <summary>C5 of the seed review: field 16.0 is the customer's branch, so the real list's customer code (esf-api-facts §9.13).</summary>
    [Test]
    public void CustomerBranchRule_WhenTheBranchIsAnotherHeads_AnswersTheCustomersErrorCode()
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        RegistryRuleCases.All["C-04"](body, registry);

        var violations = RuleCatalogue.RegistrationRules.Single(r => r.Definition.Id == "C-04").Check(Context(body, registry));

        Assert.That(violations.Select(v => v.ErrorCode), Is.EqualTo(new[] { "CUSTOMER_BRANCH_NOT_BELONGS_TO_HEAD" }));
    }

    [Test]
    public void SellerAccount_WhenTheIikIsTheSellersImportedAccount_PassesB20AndB21()
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        (body.Sellers[0].Iik, body.Sellers[0].Bik) = ("KZ126010001000123456", "HSBKKZKX");
        registry.Accounts[(ValidBody.Seller, "KZ126010001000123456")] = "HSBKKZKX";

        var ids = RegistrationControl.Run(Context(body, registry)).Select(v => v.RuleId);

        Assert.That(ids, Does.Not.Contain("B-20").And.Not.Contain("B-21"));
    }

    [Test]
    public void ReorganizationRules_WhenTheReasonIsTheManuals_QuoteItVerbatim()
    {
        Assert.That(RuleCatalogue.All.Single(r => r.Id == "REO-02").MessageRu, Is.EqualTo("Выписка дополнительного ЭСФ возможна только на возврат товара"));
        Assert.That(RuleCatalogue.All.Single(r => r.Id == "REO-03").MessageRu, Is.EqualTo("Реорганизованное лицо не может быть участником исправленного ЭСФ"));
    }

    private static FakeRegistryView Without(params string[] tins)
    {
        var registry = new FakeRegistryView();
        foreach (var tin in tins)
        {
            registry.Taxpayers.Remove(tin);
        }

        return registry;
    }

    private static void AssertBroken<TRule>(RegistrationContext context, string ruleId, string property) where TRule : IRegistrationRule, new()
    {
        var violations = new TRule().Check(context).ToList();

        Assert.That(violations.Select(v => (v.RuleId, v.Property)), Is.EqualTo(new[] { (ruleId, property) }));
    }
}
