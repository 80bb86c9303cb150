using Esf.Domain.Invoices.Document;
using Esf.Domain.Rules;
using Esf.Infrastructure.Registration;
using NUnit.Framework;

namespace Esf.Tests.Registry;

/// <summary>
/// What one worker batch remembers between its invoices (an additional invoice that passed counts for the next, ADD-09), and
/// that an original is only ever found among its own seller's invoices.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class BatchRegistryViewTests
{
    [Test]
    public void Supplement_WhenAnAdditionalInvoiceOfTheBatchPassed_AddsItsTotalForTheNextOne()
    {
        var original = new OriginalInvoice(7, "CREATED", "ORDINARY_INVOICE", "123456789021", "123456789011", "900", new DateOnly(2026, 11, 10), 100m)
        {
            EarlierAdditionalsTotal = -30m,
        };
        var snapshot = new RegistrySnapshot();
        snapshot.OriginalsByNumber["ESF-7"] = original;
        snapshot.OriginalsByKey[("123456789021", "900", new DateOnly(2026, 11, 10))] = original;
        var view = new BatchRegistryView([], [], snapshot);

        view.Supplement(original, -50m);

        var byKey = view.Original(new RelatedInvoice { Num = "900", Date = "10.11.2026" }, "123456789021");
        var byNumber = view.Original(new RelatedInvoice { Num = "900", Date = "10.11.2026", RegistrationNumber = "ESF-7" }, "123456789021");
        Assert.That((byKey?.EarlierAdditionalsTotal, byNumber?.EarlierAdditionalsTotal), Is.EqualTo(((decimal?)-80m, (decimal?)-80m)));
    }

    [TestCase("123456789021", true)]
    [TestCase("123456789099", false)]
    [TestCase(null, false)]
    public void Original_WhenNamedByItsRegistrationNumber_IsFoundOnlyForItsOwnSeller(string? seller, bool found)
    {
        var original = new OriginalInvoice(7, "CREATED", "ORDINARY_INVOICE", "123456789021", "123456789011", "900", new DateOnly(2026, 11, 10), 100m);
        var snapshot = new RegistrySnapshot();
        snapshot.OriginalsByNumber["ESF-7"] = original;
        var view = new BatchRegistryView([], [], snapshot);

        var answer = view.Original(new RelatedInvoice { Num = "900", Date = "10.11.2026", RegistrationNumber = "ESF-7" }, seller);

        Assert.That(answer is not null, Is.EqualTo(found));
    }
}
