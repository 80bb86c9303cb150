using Esf.Domain.Rules;
using NUnit.Framework;

namespace Esf.Tests.Domain;

[TestFixture]
public sealed class RuleCatalogueDocumentTests
{
    [Test]
    public void RulesDocument_WhenCatalogueChanges_IsRegenerated()
    {
        var path = Path.Combine(TestServices.RepositoryRoot, "docs", "rules.md");
        var rendered = RuleCatalogueDocument.Render();
        if (Environment.GetEnvironmentVariable("ESF_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, rendered);
        }

        Assert.That(File.Exists(path) ? File.ReadAllText(path) : "", Is.EqualTo(rendered),
            "docs/rules.md is out of date: run the tests once with ESF_UPDATE_DOCS=1 and commit the file.");
    }
}
