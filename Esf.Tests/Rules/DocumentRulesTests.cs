using Esf.Domain.Rules;
using NUnit.Framework;

namespace Esf.Tests.Rules;

/// <summary>Each document rule: the valid invoice passes it, the minimal change of its case breaks it with exactly its id and message.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class DocumentRulesTests
{
    private static IEnumerable<TestCaseData> Rules() =>
        RuleCatalogue.DocumentRules.Select(r => new TestCaseData(r).SetArgDisplayNames(r.Definition.Id));

    [Test]
    public void DocumentControl_WhenInvoiceIsValid_FindsNothing() =>
        Assert.That(DocumentControl.Run(ValidBody.Document(ValidBody.Create())), Is.Empty);

    [TestCaseSource(nameof(Rules))]
    public void Rule_WhenInvoiceIsValid_Passes(IDocumentRule rule) =>
        Assert.That(rule.Check(ValidBody.Document(ValidBody.Create())), Is.Empty);

    [TestCaseSource(nameof(Rules))]
    public void Rule_WhenItsCaseIsApplied_FailsWithItsIdAndMessage(IDocumentRule rule)
    {
        var body = ValidBody.Create();
        DocumentRuleCases.All[rule.Definition.Id](body);

        var violations = rule.Check(ValidBody.Document(body)).ToList();

        Assert.That(violations, Is.Not.Empty);
        Assert.That(violations.Select(v => v.RuleId), Is.All.EqualTo(rule.Definition.Id));
        Assert.That(violations.Select(v => v.Message), Is.All.StartsWith(rule.Definition.MessageRu));
        Assert.That(violations.Select(v => v.ErrorCode), Is.All.EqualTo(rule.Definition.ErrorCode));
    }

    [Test]
    public void EveryDocumentRule_HasABreakingCase() =>
        Assert.That(DocumentRuleCases.All.Keys, Is.SupersetOf(RuleCatalogue.DocumentRules.Select(r => r.Definition.Id)));

    [Test]
    public void RuleIds_WhenCatalogued_AreUniqueAndNotAlsoNoted()
    {
        var ids = RuleCatalogue.All.Select(r => r.Id).ToList();

        Assert.That(ids, Is.Unique);
        Assert.That(RuleNotes.All.Select(n => n.Id), Is.Unique);
        Assert.That(RuleNotes.All.Select(n => n.Id).Intersect(ids), Is.Empty);
    }

    [Test]
    public void DocumentControl_WhenManyRulesAreBroken_ReportsThemAll()
    {
        var body = ValidBody.Create();
        foreach (var id in new[] { "A-01", "C-09", "G-06", "G-43", "E-05" })
        {
            DocumentRuleCases.All[id](body);
        }

        var violations = DocumentControl.Run(ValidBody.Document(body));

        Assert.That(violations.Select(v => v.RuleId), Is.SupersetOf(new[] { "A-01", "C-09", "G-06", "G-43", "E-05" }));
    }
}
