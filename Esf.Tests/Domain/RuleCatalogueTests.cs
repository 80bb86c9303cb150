using Esf.Domain.Rules;
using NUnit.Framework;

namespace Esf.Tests.Domain;

[TestFixture]
public sealed class RuleCatalogueTests
{
    [Test]
    public void Catalogue_WhenListed_HasUniqueIdsAndMessagesInBothLanguages()
    {
        Assert.That(RuleCatalogue.All.Select(r => r.Id), Is.Unique);
        Assert.That(RuleCatalogue.All.Select(r => r.MessageRu), Has.All.Match("[А-Яа-яЁё]"));
        Assert.That(RuleCatalogue.All.Select(r => r.MessageEn), Has.All.Not.Empty);
    }

    [Test]
    public void UniquenessRule_WhenQuoted_UsesTheManualsExactWords() =>
        Assert.That(RuleCatalogue.NumberAndDateMustBeUniqueForSeller.MessageRu,
            Is.EqualTo("Счет-фактура с таким номером и датой уже существуют, пожалуйста укажите другой номер"));
}
