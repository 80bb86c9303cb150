using System.Text.RegularExpressions;
using System.Xml.Linq;
using Esf.Domain.Rules;
using NUnit.Framework;

namespace Esf.Tests.Domain;

/// <summary>spec-snt §9 is in the catalogue whole, and every rule answers with an errorCode of the real API.</summary>
[TestFixture]
public sealed partial class SntRuleCatalogueTests
{
    [Test]
    public void SpecSntRules_R001ToR170_AreEachARuleOrANote()
    {
        var covered = RuleCatalogue.All.Select(r => r.Id).Concat(RuleNotes.All.Select(n => n.Id))
            .Select(id => SntRuleId().Match(id)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();

        Assert.That(Enumerable.Range(1, 170).Where(n => !covered.Contains(n)), Is.Empty);
        Assert.That(covered.Where(n => n is < 1 or > 170), Is.Empty);
    }

    [Test]
    public void SpecSntRules_WhenImplemented_SayTheirMessageIsOurs() =>
        Assert.That(RuleCatalogue.All.Where(r => r.Id.StartsWith("SNT-R", StringComparison.Ordinal)).Select(r => r.Decision),
            Has.All.Contains("Message ours"));

    [Test]
    public void EveryRule_WhenItFails_AnswersWithAnErrorCodeOfTheRealApi()
    {
        var wsdl = XDocument.Load(Path.Combine(TestServices.RepositoryRoot, "contracts", "wsdl", "UploadInvoiceService.wsdl"));
        var codes = wsdl.Descendants().Where(e => e.Name.LocalName == "simpleType" && (string?)e.Attribute("name") == "errorCode")
            .Descendants().Where(e => e.Name.LocalName == "enumeration").Select(e => (string)e.Attribute("value")!).ToHashSet();

        Assert.That(codes, Has.Count.EqualTo(599));
        Assert.That(RuleCatalogue.All.Select(r => r.ErrorCode).Where(c => !codes.Contains(c)), Is.Empty);
    }

    [GeneratedRegex("^SNT-R([0-9]{3})[A-Z]?$")]
    private static partial Regex SntRuleId();
}
