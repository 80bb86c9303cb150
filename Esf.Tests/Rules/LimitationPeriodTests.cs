using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules;
using NUnit.Framework;

namespace Esf.Tests.Rules;

/// <summary>
/// C2 of the seed review: the only limitation period (срок исковой давности) the seeds give is 5 years (001 L2235–2236), and DL-08
/// (a main invoice after its turnover) and DL-10 (a corrected one after its original) use the same one. The day 5 years on is allowed.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class LimitationPeriodTests
{
    private static IEnumerable<string> Violations(Action<InvoiceBody> change)
    {
        var body = ValidBody.Create();
        change(body);
        return DocumentControl.Run(ValidBody.Document(body)).Select(v => v.RuleId);
    }

    [TestCase("15.11.2021", TestName = "MainInvoice_WhenIssuedOnTheLastDayOfFiveYearsAfterTurnover_Passes")]
    [TestCase("16.11.2022", TestName = "MainInvoice_WhenIssuedMoreThanThreeYearsAfterTurnover_Passes")]
    public void MainInvoice_WithinTheLimitationPeriod_Passes(string turnover) =>
        Assert.That(Violations(b => b.TurnoverDate = turnover), Is.Empty);

    [Test]
    public void MainInvoice_WhenIssuedTheDayAfterFiveYears_FailsDl08() =>
        Assert.That(Violations(b => b.TurnoverDate = "14.11.2021"), Is.EqualTo(new[] { "DL-08" }));

    [Test]
    public void CorrectedInvoice_WhenIssuedOnTheLastDayOfFiveYearsAfterTheOriginal_Passes() =>
        Assert.That(Violations(Corrected("15.11.2021")), Does.Not.Contain("DL-10"));

    [Test]
    public void CorrectedInvoice_WhenIssuedTheDayAfterFiveYears_FailsDl10() =>
        Assert.That(Violations(Corrected("14.11.2021")), Does.Contain("DL-10"));

    [Test]
    public void BothDeadlines_QuoteTheSameLimitationPeriod() =>
        Assert.That(RuleCatalogue.All.Where(r => r.Id is "DL-08" or "DL-10").Select(r => r.MessageRu), Has.All.Contains("5 лет"));

    private static Action<InvoiceBody> Corrected(string originalDate) =>
        b => (b.InvoiceType, b.RelatedInvoice) = ("FIXED_INVOICE", new RelatedInvoice { Date = originalDate, Num = "1" });
}
