using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Procurement;
using Esf.Domain.Rules;
using Esf.Domain.Rules.Registration;
using Esf.Domain.Waybills;
using Esf.Domain.Waybills.Document;
using Esf.Tests.Rules;
using NUnit.Framework;

namespace Esf.Tests.Procurement;

/// <summary>
/// The rules of invoices on ЭГЗ acts and contracts (spec-rest §3.2–3.4), each with a passing and a failing case: the fields an
/// invoice takes from the act or contract and which of them it may change, one invoice in force per act, the contract's status
/// and the priority of its approved acts, and an act beside a waybill.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ProcurementRulesTests
{
    private static readonly LinkedInvoice OnTheAct =
        new("ESF-123456789021-20261115-00000001", "1001", new DateOnly(2026, 11, 15), InvoiceType.OrdinaryInvoice, InvoiceStatus.Created);

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

    /// <summary>One case per group of locked fields: the parties, the contract, each line's description and unit, its amounts, the lines.</summary>
    [TestCase("seller", "sellers.seller[0].tin")]
    [TestCase("customer", "customers.customer[0].tin")]
    [TestCase("contractDate", "deliveryTerm")]
    [TestCase("description", "productSet.products.product[0].description")]
    [TestCase("unit", "productSet.products.product[0].description")]
    [TestCase("quantity", "productSet.products.product[0]")]
    [TestCase("priceWithTax", "productSet.products.product[0]")]
    [TestCase("lines", "productSet.products")]
    public void Register_WhenOneGroupOfTheActsFieldsChanges_FailsWithRuleEgz02ForIt(string group, string path)
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        ProcurementActs.IssueOn(body, registry);
        var line = body.ProductSet.Products[0];
        Action change = group switch
        {
            "seller" => () => registry.Acts[(ProcurementActs.Number, body.Sellers[0].Tin!)] = registry.Acts[(ProcurementActs.Number, body.Sellers[0].Tin!)] with
            {
                Document = registry.Acts[(ProcurementActs.Number, body.Sellers[0].Tin!)].Document with { SupplierTin = "123456789099" },
            },
            "customer" => () => body.Customers[0].Tin = "123456789099",
            "contractDate" => () => body.DeliveryTerm!.ContractDate = "02.10.2026",
            "description" => () => line.Description += " (изменено)",
            "unit" => () => line.UnitCode = "999",
            "quantity" => () => line.Quantity += 1,
            "priceWithTax" => () => line.PriceWithTax += 1,
            _ => () => body.ProductSet.Products = [.. body.ProductSet.Products, line],
        };
        change();

        Assert.That(Run(body, registry).Select(v => (v.RuleId, v.Property)), Does.Contain(("EGZ-02", path)));
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

    [Test]
    public void Register_WhenTheActIsRefused_FailsWithRuleEgz01()
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        ProcurementActs.IssueOn(body, registry, ProcurementActStatus.AcceptanceRefused);

        Assert.That(Run(body, registry).Select(v => (v.RuleId, v.Property)), Is.EqualTo(new[] { ("EGZ-01", "deliveryDocNum") }));
    }

    [Test]
    public void Register_WhenAnInvoiceInForceIsOnTheAct_FailsWithRuleEgz03()
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        ProcurementActs.IssueOn(body, registry, invoices: [OnTheAct with { Status = InvoiceStatus.Delivered }]);

        Assert.That(Run(body, registry).Select(v => (v.RuleId, v.Property)), Is.EqualTo(new[] { ("EGZ-03", "deliveryDocNum") }));
    }

    [TestCase(InvoiceStatus.Canceled)]
    [TestCase(InvoiceStatus.Revoked)]
    [TestCase(InvoiceStatus.Declined)]
    [TestCase(InvoiceStatus.CanceledBySntDecline)]
    public void Register_WhenTheActsInvoiceIsNoLongerInForce_AllowsANewOne(InvoiceStatus status)
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        ProcurementActs.IssueOn(body, registry, invoices: [OnTheAct with { Status = status }]);

        Assert.That(Run(body, registry), Is.Empty);
    }

    [Test]
    public void Register_WhenACorrectedInvoiceCorrectsTheActsInvoice_DoesNotCountIt()
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        ProcurementActs.IssueOn(body, registry, invoices: [OnTheAct]);
        body.InvoiceType = "FIXED_INVOICE";
        body.RelatedInvoice = new RelatedInvoice { RegistrationNumber = OnTheAct.RegistrationNumber, Num = OnTheAct.Num, Date = "15.11.2026" };

        Assert.That(Run(body, registry).Where(v => v.RuleId == "EGZ-03"), Is.Empty);
    }

    [Test]
    public void Register_WhenTheInvoiceKeepsTheContractAndChangesOnlyG6G7G14_BreaksNoProcurementRule()
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        ProcurementActs.IssueOnContract(body, registry);
        (body.ProductSet.Products[0].Quantity, body.ProductSet.Products[0].PriceWithoutTax, body.ProductSet.Products[0].PriceWithTax) = (1, 2, 3);

        Assert.That(Run(body, registry), Is.Empty);
    }

    [Test]
    public void Register_WhenTheContractsDescriptionChanges_FailsWithRuleEgz06()
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        ProcurementActs.IssueOnContract(body, registry);
        body.ProductSet.Products[0].Description += " (изменено)";

        Assert.That(Run(body, registry).Select(v => (v.RuleId, v.Property)),
            Is.EqualTo(new[] { ("EGZ-06", "productSet.products.product[0].description") }));
    }

    [Test]
    public void Register_WhenTheContractIsNotInForce_FailsWithRuleEgz04()
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        ProcurementActs.IssueOnContract(body, registry, ProcurementContractStatus.NotActive);

        Assert.That(Run(body, registry).Select(v => (v.RuleId, v.Property)), Is.EqualTo(new[] { ("EGZ-04", "deliveryTerm") }));
    }

    [Test]
    public void Register_WhenTheContractHasAnApprovedAct_FailsWithRuleEgz05()
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        ProcurementActs.IssueOnContract(body, registry, ProcurementContractStatus.Active, ProcurementActs.Number);

        Assert.That(Run(body, registry).Select(v => (v.RuleId, v.ErrorCode)), Is.EqualTo(new[] { ("EGZ-05", "EGP_WRONG_RELATIONS") }));
    }

    [Test]
    public void Register_WhenTheContractNumberIsAnotherCustomersContract_IsNoInvoiceOnTheContract()
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        ProcurementActs.IssueOnContract(body, registry, ProcurementContractStatus.NotActive);
        body.Customers[0].Tin = "123456789099";

        Assert.That(Run(body, registry), Is.Empty);
    }

    [Test]
    public void Register_WhenTheActStandsBesideAWaybillOfItsContract_BreaksNoProcurementRule()
    {
        var (body, registry) = BesideWaybill(_ => { });

        Assert.That(Run(body, registry), Is.Empty);
    }

    [Test]
    public void Register_WhenTheWaybillCitesAnotherContract_FailsWithRuleEgz07()
    {
        var (body, registry) = BesideWaybill(w => w.Contract.Num = "ДРУГОЙ");

        Assert.That(Run(body, registry).Select(v => (v.RuleId, v.Property)), Is.EqualTo(new[] { ("EGZ-07", "deliveryDocNum") }));
    }

    [TestCase("IMPORT", null)]
    [TestCase("TEMPORARY_IMPORT", null)]
    [TestCase(null, "EXPORT")]
    public void Register_WhenTheWaybillBesideTheActCrossesTheBorder_FailsWithRuleEgz08(string? importType, string? exportType)
    {
        var (body, registry) = BesideWaybill(w => (w.ImportType, w.ExportType) = (importType, exportType));

        Assert.That(Run(body, registry).Select(v => v.RuleId), Does.Contain("EGZ-08"));
    }

    private static (InvoiceBody Body, FakeRegistryView Registry) BesideWaybill(Action<WaybillBody> change)
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        ProcurementActs.IssueBesideWaybill(body, registry, change);
        return (body, registry);
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
