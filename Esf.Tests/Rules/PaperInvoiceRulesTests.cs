using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules;
using NUnit.Framework;

namespace Esf.Tests.Rules;

/// <summary>
/// C6 and C7 of the seed review: a paper invoice (field 2.1 and its reason) names the manual's three reasons, answers the real list's
/// code for whichever half is missing, and its turnover date is not after the paper date (seed 001, «Ввод бумажного счета-фактуры»).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PaperInvoiceRulesTests
{
    private static List<RuleViolation> Violations(string? datePaper, string? reasonPaper, string? turnover = null)
    {
        var body = ValidBody.Create();
        (body.DatePaper, body.ReasonPaper) = (datePaper, reasonPaper);
        body.TurnoverDate = turnover ?? body.TurnoverDate;
        return DocumentControl.Run(ValidBody.Document(body)).ToList();
    }

    [TestCase("DOWN_TIME")]
    [TestCase("MISSING_REQUIREMENT")]
    [TestCase("UNLAWFUL_REMOVAL_REGISTRATION")]
    public void PaperInvoice_WhenDateAndAnyOfTheThreeReasonsAreGiven_Passes(string reason) =>
        Assert.That(Violations(ValidBody.Date, reason), Is.Empty);

    [Test]
    public void PaperInvoice_WhenTheReasonIsMissing_AnswersPaperReasonNotSetNamingTheThreeReasons()
    {
        var violation = Violations(ValidBody.Date, null).Single();

        Assert.That((violation.RuleId, violation.ErrorCode, violation.Property), Is.EqualTo(("A-07", "PAPER_REASON_NOT_SET", "reasonPaper")));
        Assert.That(violation.Message, Does.Contain("«Техническая ошибка или плановые работы»")
            .And.Contain("«Блокировка налогоплательщика уполномоченным органом»")
            .And.Contain("«Отсутствовало требования по выписке ЭСФ»"));
    }

    [TestCase(null)]
    [TestCase("2026-11-15")]
    public void PaperInvoice_WhenTheDateIsMissingOrNotADate_AnswersPaperDateNotSet(string? datePaper)
    {
        var violation = Violations(datePaper, "MISSING_REQUIREMENT").Single();

        Assert.That((violation.RuleId, violation.ErrorCode, violation.Property), Is.EqualTo(("A-09", "PAPER_DATE_NOT_SET", "datePaper")));
    }

    [Test]
    public void PaperInvoice_WhenTurnoverIsAfterThePaperDate_FailsA10()
    {
        var violation = Violations("10.11.2026", "DOWN_TIME", turnover: "11.11.2026").Single();

        Assert.That((violation.RuleId, violation.ErrorCode, violation.Property), Is.EqualTo(("A-10", "WRONG_DATE", "turnoverDate")));
        Assert.That(violation.Message, Does.StartWith("Дата совершения оборота"));
    }

    [Test]
    public void PaperInvoice_WhenTurnoverIsOnThePaperDate_Passes() =>
        Assert.That(Violations("10.11.2026", "UNLAWFUL_REMOVAL_REGISTRATION", turnover: "10.11.2026"), Is.Empty);
}
