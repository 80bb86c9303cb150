using Esf.Domain.Invoices;
using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules;
using NUnit.Framework;

namespace Esf.Tests.Rules;

/// <summary>ADD-09 adds up the original's total, the additional invoices already registered against it and the new one.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AdditionalInvoiceTotalsTests
{
    private static readonly IRegistrationRule Rule = RuleCatalogue.RegistrationRules.Single(r => r.Definition.Id == "ADD-09");

    private static IReadOnlyList<RuleViolation> Check(decimal original, decimal earlier, decimal additional)
    {
        var (body, registry) = (ValidBody.Create(), new FakeRegistryView());
        (body.InvoiceType, body.RelatedInvoice) = ("ADDITIONAL_INVOICE", new RelatedInvoice { Num = "900", Date = "10.11.2026" });
        body.ProductSet.TotalPriceWithTax = additional;
        registry.Originals.Add(new OriginalInvoice(7, "DELIVERED", "ORDINARY_INVOICE", ValidBody.Seller, ValidBody.Customer, "900",
            new DateOnly(2026, 11, 10), original) { EarlierAdditionalsTotal = earlier });
        var context = new RegistrationContext(ValidBody.Document(body) with { InvoiceType = InvoiceType.AdditionalInvoice },
            new SignatureCheck(true, null, ValidBody.Seller), registry);
        return Rule.Check(context).ToList();
    }

    [Test]
    public void Add09_WhenEarlierAdditionalsLeaveTooLittle_FailsWithItsId() =>
        Assert.That(Check(original: 100m, earlier: -80m, additional: -30m).Select(v => (v.RuleId, v.Property)),
            Is.EqualTo(new[] { ("ADD-09", "productSet.totalPriceWithTax") }));

    [Test]
    public void Add09_WhenTheSumReachesExactlyZero_Passes() =>
        Assert.That(Check(original: 100m, earlier: -80m, additional: -20m), Is.Empty);

    [Test]
    public void Add09_WhenEarlierAdditionalsRaisedTheTotal_AllowsALargerReturn() =>
        Assert.That(Check(original: 100m, earlier: 50m, additional: -150m), Is.Empty);
}
