using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Procurement;
using Esf.Domain.Rules;
using Esf.Domain.Rules.Registration;
using Esf.Tests.Rules;
using NUnit.Framework;

namespace Esf.Tests.Procurement;

/// <summary>The fields an invoice takes from an ЭГЗ act or contract, and which of them it may change (spec-rest §3.2–3.3).</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ProcurementRulesTests
{
    [Test]
    public void Register_WhenTheInvoiceKeepsWhatTheActTransferred_BreaksNoProcurementRule()
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        ProcurementActs.IssueOn(body, registry);
        body.TurnoverDate = "14.11.2026";

        Assert.That(Run(body, registry), Is.Empty);
    }

    [Test]
    public void Register_WhenLockedFieldsOfTheActChange_FailsWithRuleEgz02ForEach()
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        ProcurementActs.IssueOn(body, registry);
        body.ProductSet.Products[0].PriceWithoutTax += 1;
        body.DeliveryTerm!.ContractNum = "ДРУГОЙ";

        Assert.That(Run(body, registry).Select(v => (v.RuleId, v.Property)),
            Is.EquivalentTo(new[] { ("EGZ-02", "deliveryTerm"), ("EGZ-02", "productSet.products.product[0]") }));
    }

    [Test]
    public void Changed_WhenFromAContract_LeavesQuantityPriceAndCostEditable()
    {
        var body = ValidBody.Create();
        ProcurementActs.IssueOn(body, new FakeRegistryView());
        var contract = ProcurementActs.From(body);
        body.ProductSet.Products[0].Quantity += 2;
        body.ProductSet.Products[0].PriceWithoutTax += 2;
        body.ProductSet.Products[0].PriceWithTax += 2;

        Assert.That(LockedFields.Changed(body, contract, amountsLocked: false), Is.Empty);
        Assert.That(LockedFields.Changed(body, contract, amountsLocked: true), Is.EqualTo(new[] { "productSet.products.product[0]" }));
    }

    [Test]
    public void Register_WhenTheActNamesAnotherSupplier_IgnoresIt()
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        ProcurementActs.IssueOn(body, registry, ProcurementActStatus.AcceptanceRefused);
        body.Sellers[0].Tin = "123456789099";

        Assert.That(Run(body, registry).Where(v => v.RuleId.StartsWith("EGZ", StringComparison.Ordinal)), Is.Empty);
    }

    private static IEnumerable<RuleViolation> Run(InvoiceBody body, FakeRegistryView registry)
    {
        var context = new RegistrationContext(ValidBody.Document(body) with
            {
                Sellers = body.Sellers.Select(s => new InvoiceParty(s.Tin, s.Name)).ToList(),
            }, new SignatureCheck(true, "870101300123", ValidBody.Seller), registry);
        return ProcurementRules.All.SelectMany(r => r.Check(context));
    }
}
