using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules;
using Esf.Domain.Rules.Document;
using NUnit.Framework;

namespace Esf.Tests.Rules;

/// <summary>
/// C4 of the seed review: the lines of a financial-lease ESF (seller «Лизингодатель», customer «Лизингополучатель») as Rules p.97–98
/// describe them pass; the same amounts on an ordinary invoice still break G-06 / G-20.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class FinancialLeaseLinesTests
{
    private static InvoiceBody Lease(InvoiceBody body)
    {
        body.Sellers[0].Statuses = [Categories.Lessor];
        body.Customers[0].Statuses = [Categories.Lessee];
        return body;
    }

    /// <summary>p.97: the first lease ESF (origin 1–5) carries the periodic payment in G14, not G11 + G13.</summary>
    private static InvoiceBody FirstLeasePayment(InvoiceBody body)
    {
        var line = body.ProductSet.Products[0];
        line.PriceWithTax = 2000.00m;
        body.ProductSet.TotalPriceWithTax = 2000.00m + body.ProductSet.Products[1].PriceWithTax;
        return body;
    }

    /// <summary>p.98: a subsequent lease ESF has origin 6 and no G6 / G8 (G8 is required by the XSD, so it is sent as 0); G7 goes with them.</summary>
    private static InvoiceBody SubsequentLeasePayment(InvoiceBody body)
    {
        var line = body.ProductSet.Products[1];
        (line.Quantity, line.UnitPrice, line.PriceWithoutTax) = (null, null, 0m);
        body.ProductSet.TotalPriceWithoutTax = body.ProductSet.Products[0].PriceWithoutTax;
        return body;
    }

    private static IEnumerable<string> Violations(InvoiceBody body) =>
        DocumentControl.Run(ValidBody.Document(body)).Select(v => v.RuleId);

    [Test]
    public void FirstLeaseInvoice_WhenG14IsThePeriodicPayment_Passes() =>
        Assert.That(Violations(FirstLeasePayment(Lease(ValidBody.Create()))), Is.Empty);

    [Test]
    public void SubsequentLeaseInvoice_WhenG6G7AndG8AreNotGiven_Passes() =>
        Assert.That(Violations(SubsequentLeasePayment(Lease(ValidBody.Create()))), Is.Empty);

    [Test]
    public void OrdinaryInvoice_WhenG14IsNotG11PlusG13_StillFailsG06() =>
        Assert.That(Violations(FirstLeasePayment(ValidBody.Create())), Is.EqualTo(new[] { "G-06" }));

    [Test]
    public void OrdinaryInvoice_WhenAnOrigin6LineHasNoG7OrG8_StillFailsG06G20AndG24() =>
        Assert.That(Violations(SubsequentLeasePayment(ValidBody.Create())), Is.EquivalentTo(new[] { "G-06", "G-20", "G-24" }));

    [Test]
    public void LeaseInvoice_WhenAnOrigin1To5LineBreaksG11_StillFailsG06()
    {
        var body = Lease(ValidBody.Create());
        body.ProductSet.Products[0].TurnoverSize = 1m;
        body.ProductSet.TotalTurnoverSize = 1m + body.ProductSet.Products[1].TurnoverSize;

        Assert.That(Violations(body), Does.Contain("G-06"));
    }
}
